// The per-user cache folder, and the one record of the environment that
// `npm run cluster -- start` or the demo left running (read and written only here).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { LocalEnvironment } from "./environment";

/** The per-user cache (the toolchain's too; see localenv/toolchain/install.sh). */
export const cacheDir =
    process.env.SKUPPER_PULUMI_CACHE ??
    path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), ".cache"), "skupper-pulumi");

const currentFile = path.join(cacheDir, "environment-current");

/** The environment left running, if its folder still exists. */
export function currentEnvironment(log?: (line: string) => void): LocalEnvironment | undefined {
    const dir = fs.existsSync(currentFile) ? fs.readFileSync(currentFile, "utf8").trim() : "";
    if (!dir || !fs.existsSync(path.join(dir, "state.json"))) return undefined;
    return LocalEnvironment.resume(dir, log);
}

export function rememberEnvironment(env: LocalEnvironment): void {
    fs.mkdirSync(cacheDir, { recursive: true });
    fs.writeFileSync(currentFile, env.dir);
}

export function forgetEnvironment(): void {
    fs.rmSync(currentFile, { force: true });
}
