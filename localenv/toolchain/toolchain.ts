// The pinned toolchain as the rest of the local environment sees it: provides it (by
// running install.sh, which builds what is missing) and says where each tool is.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

export interface Toolchain {
    /** The toolchain folder; its bin/ holds every tool. */
    dir: string;
    bin(name: string): string;
    has(name: string): boolean;
    /** The folder of the Skupper CRDs that came with the controller, when there is one. */
    skupperCrds: string | undefined;
}

export function toolchainAt(dir: string): Toolchain {
    const bin = (name: string) => path.join(dir, "bin", name);
    const crds = path.join(dir, "skupper-crds");
    return {
        dir,
        bin,
        has: (name) => fs.existsSync(bin(name)),
        skupperCrds: fs.existsSync(bin("skupper-controller")) && fs.existsSync(crds) ? crds : undefined,
    };
}

/** Builds what is missing of the pinned toolchain (progress on stderr) and returns it. */
export function provideToolchain(log: (line: string) => void = () => undefined): Toolchain {
    log("providing the toolchain (localenv/toolchain/install.sh) ...");
    const out = execFileSync("bash", [path.join(__dirname, "install.sh")], {
        stdio: ["ignore", "pipe", "inherit"],
        encoding: "utf8",
    });
    return toolchainAt(out.trim().split("\n").pop()!);
}
