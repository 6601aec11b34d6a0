// The per-user cache folder, and the one record of the environment that
// `npm run cluster -- start` or the demo left running, a cluster per line, the first
// cluster first (read and written only here).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { LocalEnvironment } from "./environment";

/** The per-user cache (the toolchain's too; see localenv/toolchain/install.sh). */
export const cacheDir =
    process.env.SKUPPER_PULUMI_CACHE ??
    path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), ".cache"), "skupper-pulumi");

const currentFile = path.join(cacheDir, "environment-current");

/** The clusters of the environment left running whose folders still exist, the first first. */
export function currentClusters(log?: (line: string) => void): LocalEnvironment[] {
    const dirs = fs.existsSync(currentFile) ? fs.readFileSync(currentFile, "utf8").split("\n") : [];
    return dirs
        .map((d) => d.trim())
        .filter((d) => d && fs.existsSync(path.join(d, "state.json")))
        .map((d) => LocalEnvironment.resume(d, log));
}

/** The environment left running (its first cluster), if its folder still exists. */
export function currentEnvironment(log?: (line: string) => void): LocalEnvironment | undefined {
    return currentClusters(log)[0];
}

export function rememberEnvironment(...clusters: LocalEnvironment[]): void {
    fs.mkdirSync(cacheDir, { recursive: true });
    fs.writeFileSync(currentFile, clusters.map((c) => c.dir).join("\n"));
}

export function forgetEnvironment(): void {
    fs.rmSync(currentFile, { force: true });
}
