// What the user chose for the environment, from the environment variables the README
// documents: SKUPPER_PULUMI_KUBECONFIG (an existing cluster; never the ambient
// KUBECONFIG) and SKUPPER_PULUMI_MODE (real, emulated or auto).
import { SkupperMode, StartOptions } from "./environment";

export function environmentOptions(env: NodeJS.ProcessEnv = process.env): StartOptions {
    const mode = env.SKUPPER_PULUMI_MODE ?? "auto";
    if (!["real", "emulated", "auto"].includes(mode)) {
        throw new Error(`SKUPPER_PULUMI_MODE: '${mode}' is not a mode; expected real, emulated or auto`);
    }
    return {
        mode: mode as SkupperMode | "auto",
        kubeconfig: env.SKUPPER_PULUMI_KUBECONFIG || undefined,
    };
}
