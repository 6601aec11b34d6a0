// What the user chose for the environment, from the environment variables the README
// documents: SKUPPER_PULUMI_KUBECONFIG (an existing cluster; never the ambient
// KUBECONFIG) and SKUPPER_PULUMI_MODE (network, real, emulated or auto).
import { SKUPPER_MODES } from "./cluster/skupper";
import { SkupperMode, StartOptions } from "./environment";

export function environmentOptions(env: NodeJS.ProcessEnv = process.env): StartOptions {
    const mode = env.SKUPPER_PULUMI_MODE ?? "auto";
    if (![...SKUPPER_MODES, "auto"].includes(mode)) {
        throw new Error(`SKUPPER_PULUMI_MODE: '${mode}' is not a mode; expected ${SKUPPER_MODES.join(", ")} or auto`);
    }
    return {
        mode: mode as SkupperMode | "auto",
        kubeconfig: env.SKUPPER_PULUMI_KUBECONFIG || undefined,
    };
}
