// The pinned toolchain as the rest of the local environment sees it: provides it (by
// running install.sh, which builds what is missing) and says where each tool is. The
// Skupper controller is the one SKUPPER_CONTROLLER names (built elsewhere, with its CRDs
// in SKUPPER_CRDS), else the toolchain's own build from Skupper's Go module, if any; its
// data plane, the ones SKUPPER_ROUTER and SKUPPER_KUBE_ADAPTOR name. Language hosts come
// only from outside: PULUMI_LANGUAGE_NODEJS and PULUMI_LANGUAGE_GO.
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { createInterface } from "node:readline";

export interface Toolchain {
    /** The toolchain folder; its bin/ holds every tool. */
    dir: string;
    bin(name: string): string;
    /** The Skupper controller's executable (its real path), when there is one. */
    skupperController: string | undefined;
    /** The folder of the CRDs that came with that controller. */
    skupperCrds: string | undefined;
    /** Skupper's data plane, built elsewhere: the router (`skrouterd`) and the kube-adaptor, when both are given. */
    dataPlane: { router: string; adaptor: string } | undefined;
    /** Pulumi's language hosts built elsewhere (their real paths), by runtime; none otherwise. */
    languageHosts: Partial<Record<LanguageHostRuntime, string>>;
}

/** The environment variable that names each runtime's language host. */
export const languageHostVariables = { nodejs: "PULUMI_LANGUAGE_NODEJS", go: "PULUMI_LANGUAGE_GO" } as const;
export type LanguageHostRuntime = keyof typeof languageHostVariables;

export function toolchainAt(dir: string, env: NodeJS.ProcessEnv = process.env): Toolchain {
    const bin = (name: string) => path.join(dir, "bin", name);
    return {
        dir,
        bin,
        ...skupperOf(dir, bin("skupper-controller"), env),
        dataPlane: dataPlaneOf(env),
        languageHosts: languageHostsOf(env),
    };
}

/** SKUPPER_ROUTER and SKUPPER_KUBE_ADAPTOR: both or neither. */
function dataPlaneOf(env: NodeJS.ProcessEnv): Toolchain["dataPlane"] {
    const { SKUPPER_ROUTER: router, SKUPPER_KUBE_ADAPTOR: adaptor } = env;
    if (!router && !adaptor) return undefined;
    for (const [name, file, what] of [
        ["SKUPPER_ROUTER", router, "skupper-router's skrouterd"],
        ["SKUPPER_KUBE_ADAPTOR", adaptor, "Skupper's kube-adaptor"],
    ]) {
        if (!file) throw new Error(`${name}: is not set; expected ${what} (the data plane needs both)`);
        if (!isExecutable(file)) throw new Error(`${name}: ${file} is not an executable file; expected ${what}`);
    }
    return { router: path.resolve(router!), adaptor: fs.realpathSync(adaptor!) };
}

function languageHostsOf(env: NodeJS.ProcessEnv): Toolchain["languageHosts"] {
    const hosts: Toolchain["languageHosts"] = {};
    for (const [runtime, variable] of Object.entries(languageHostVariables) as [LanguageHostRuntime, string][]) {
        const host = env[variable];
        if (!host) continue;
        if (!isExecutable(host))
            throw new Error(
                `${variable}: ${host} is not an executable file; expected pulumi-language-${runtime} built elsewhere`,
            );
        hosts[runtime] = fs.realpathSync(host);
    }
    return hosts;
}

function skupperOf(
    dir: string,
    built: string,
    env: NodeJS.ProcessEnv,
): Pick<Toolchain, "skupperController" | "skupperCrds"> {
    const { SKUPPER_CONTROLLER: controller, SKUPPER_CRDS: crds } = env;
    if (controller) {
        if (!isExecutable(controller))
            throw new Error(
                `SKUPPER_CONTROLLER: ${controller} is not an executable file; expected a Skupper controller built elsewhere`,
            );
        if (!crds || !fs.existsSync(crds) || !fs.statSync(crds).isDirectory()) {
            throw new Error(
                `SKUPPER_CRDS: ${crds ? `${crds} is not a folder` : "is not set"}; expected the folder of the controller's CRDs (its config/crd/bases)`,
            );
        }
        return { skupperController: fs.realpathSync(controller), skupperCrds: fs.realpathSync(crds) };
    }
    if (!isExecutable(built)) return { skupperController: undefined, skupperCrds: undefined };
    return { skupperController: fs.realpathSync(built), skupperCrds: fs.realpathSync(path.join(dir, "skupper-crds")) };
}

function isExecutable(file: string): boolean {
    try {
        fs.accessSync(file, fs.constants.X_OK);
        return fs.statSync(file).isFile();
    } catch {
        return false;
    }
}

/**
 * Whether a line of install.sh's progress says it builds something, or waits for another
 * run that builds it: from that line on, the progress is shown.
 */
export function showsProgress(line: string): boolean {
    return /: (building \(log: |waiting for another run)/.test(line);
}

/**
 * Builds what is missing of the pinned toolchain and returns it. Its progress is shown
 * only when something is built or awaited from another run (or it fails), so that a
 * warm start prints nothing and the first line of the demo and the end-to-end tier is
 * the environment's mode.
 */
export async function provideToolchain(): Promise<Toolchain> {
    const child = spawn("bash", [path.join(__dirname, "install.sh")], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    const held: string[] = [];
    let showing = false;
    createInterface({ input: child.stderr }).on("line", (line) => {
        if (!showing && showsProgress(line)) {
            showing = true;
            for (const earlier of held.splice(0)) process.stderr.write(`${earlier}\n`);
        }
        if (showing) process.stderr.write(`${line}\n`);
        else held.push(line);
    });
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    if (code !== 0) {
        for (const line of held) process.stderr.write(`${line}\n`);
        throw new Error(
            `the toolchain could not be provided (localenv/toolchain/install.sh exited with ${code}; see above)`,
        );
    }
    return toolchainAt(stdout.trim().split("\n").pop()!);
}
