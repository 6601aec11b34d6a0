// Where the local tooling keeps its state, and the environment pulumi runs with against
// the local control plane.
import * as os from "node:os";
import * as path from "node:path";

/** The per-user cache (the toolchain's too; see scripts/toolchain/install.sh). */
export const cacheDir = process.env.SKUPPER_PULUMI_CACHE ??
    path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), ".cache"), "skupper-pulumi");

/** Names the folder of the control plane that `npm run cluster -- start` left running. */
export const currentClusterFile = path.join(cacheDir, "cluster-current");

/** The pinned toolchain first on PATH, the local cluster, a local file backend, no downloads. */
export function localPulumiEnv(toolchain: string, kubeconfig: string, backendDir: string, passphrase: string): Record<string, string> {
    return {
        PATH: `${path.join(toolchain, "bin")}${path.delimiter}${process.env.PATH}`,
        KUBECONFIG: kubeconfig,
        PULUMI_BACKEND_URL: `file://${backendDir}`,
        PULUMI_CONFIG_PASSPHRASE: passphrase,
        PULUMI_SKIP_UPDATE_CHECK: "true",
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    };
}
