// The end-to-end tier's one harness: the local environment (started once per run by the
// root hooks below, always stopped), and real Pulumi stacks on it, run through the
// Automation API with a local file backend. The run's first and last lines name the
// mode (network: Skupper's controller, router and kube-adaptor; real: Skupper's
// controller; emulated: the status emulator) and the language hosts given; the last
// also says which cases that need one ran, and the lines before it the cases that need
// another mode.
import { execFileSync, ExecFileSyncOptions } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { PulumiCommand, Stack, UpResult } from "@pulumi/pulumi/automation";
import { KubeClient } from "../localenv/cluster/kubeClient";
import { inlineStack } from "../localenv/inlineStack";
import { LocalEnvironment } from "../localenv/environment";
import { environmentOptions } from "../localenv/environmentOptions";
import {
    languageHostVariables,
    LanguageHostRuntime,
    provideToolchain,
    Toolchain,
} from "../localenv/toolchain/toolchain";
import { podProcesses } from "../localenv/dataplane/podProcesses";
import { notRunHere, setRunningMode, suiteCasesNotRun } from "./modes";

const repoRoot = path.resolve(__dirname, "../..");

export interface E2E {
    env: LocalEnvironment;
    kube: KubeClient;
    toolchain: Toolchain;
    pulumi: PulumiCommand;
    stateDir: string;
}

let current: E2E | undefined;

/** The running environment and toolchain; only valid inside the e2e tier. */
export function e2e(): E2E {
    if (!current) throw new Error("the local environment is not running (the e2e root hooks start it)");
    return current;
}

const log = (line: string) => console.error(`      [e2e] ${line}`);
const results = { passed: 0, failed: 0, skipped: 0 };
const hostCases: { ran: string[]; notRun: string[] } = { ran: [], notRun: [] };

/** The mode line's part on language hosts: those given, and the cases that needed one. */
function languageHostsLine(toolchain: Toolchain): string {
    const given = Object.entries(languageHostVariables).map(([runtime, variable]) =>
        toolchain.languageHosts[runtime as LanguageHostRuntime]
            ? `${runtime} from ${variable}`
            : `${runtime} none (${variable} unset)`,
    );
    const cases = [];
    if (hostCases.ran.length > 0) cases.push(`ran: ${hostCases.ran.join(", ")}`);
    if (hostCases.notRun.length > 0) cases.push(`not run: ${hostCases.notRun.join(", ")}`);
    return [`language hosts: ${given.join(", ")}`, ...cases].join("; ");
}

/**
 * pulumiEnv() with the language host a case needs on PATH; without one, the case is
 * skipped, and the mode line names it and the variable that would have run it.
 */
export function withLanguageHost(
    test: Mocha.Context,
    runtime: LanguageHostRuntime,
    label: string,
): Record<string, string> {
    const host = e2e().toolchain.languageHosts[runtime];
    if (!host) {
        hostCases.notRun.push(`${label} (needs ${languageHostVariables[runtime]})`);
        test.skip();
    }
    hostCases.ran.push(label);
    const dir = path.join(e2e().stateDir, "language-hosts");
    fs.mkdirSync(dir, { recursive: true });
    const link = path.join(dir, `pulumi-language-${runtime}`);
    if (!fs.existsSync(link)) fs.symlinkSync(host!, link);
    return { ...pulumiEnv(), PATH: `${dir}${path.delimiter}${pulumiEnv().PATH}` };
}

const tierEndCleanups: (() => Promise<void>)[] = [];

/** Runs `cleanup` when the tier ends, before the environment stops (what a case started for the tier, such as a second cluster). */
export function atTierEnd(cleanup: () => Promise<void>): void {
    tierEndCleanups.push(cleanup);
}

export const mochaHooks = {
    async beforeAll(this: Mocha.Context) {
        this.timeout(60 * 60 * 1000);
        const toolchain = await provideToolchain();
        // The environment's mode line, with the language hosts given.
        const modeLog = (line: string) =>
            log(line.startsWith("mode: ") ? `${line}; ${languageHostsLine(toolchain)}` : line);
        const env = await LocalEnvironment.start({ ...environmentOptions(), toolchain, log: modeLog });
        setRunningMode(env.mode);
        process.once("exit", () => {
            for (const test of notRunHere()) console.log(`not run in this mode: ${test}`);
            const skipped = results.skipped + suiteCasesNotRun();
            console.log(
                `e2e ${env.describe()}; ${languageHostsLine(toolchain)}: ${results.passed} passed, ${results.failed} failed, ${skipped} skipped`,
            );
        });
        try {
            // The pack takes the shared rules from the component package (policy/node_modules
            // links this folder), so the package is built first, as its prepare script does.
            log("building the component package and the policy pack");
            const quiet: ExecFileSyncOptions = { stdio: ["ignore", "ignore", "inherit"] };
            execFileSync(
                path.join(repoRoot, "node_modules/.bin/tsc"),
                ["-p", path.join(repoRoot, "provider/tsconfig.json")],
                quiet,
            );
            execFileSync("node", [path.join(repoRoot, "scripts/ensure-deps.js"), path.join(repoRoot, "policy")], quiet);
            execFileSync("npm", ["run", "build"], { ...quiet, cwd: path.join(repoRoot, "policy") });
        } catch (e) {
            await env.stop();
            throw e;
        }
        // Inline programs run in this process: give it the cluster, as a user's shell has it.
        process.env.KUBECONFIG = env.kubeconfig;
        current = {
            env,
            kube: env.kube,
            toolchain,
            pulumi: await PulumiCommand.get({ root: toolchain.dir, skipVersionCheck: false }),
            stateDir: fs.mkdtempSync(path.join(os.tmpdir(), "skupper-pulumi-state-")),
        };
    },
    async afterEach(this: Mocha.Context) {
        if (this.currentTest?.state === "passed") results.passed++;
        else if (this.currentTest?.state === "failed") results.failed++;
        else if (this.currentTest?.state === "pending") results.skipped++;
        // An up a failed test left running would go on changing the cluster under the next test.
        for (const up of background.splice(0)) {
            up.abort.abort();
            await up.result.catch(() => undefined);
        }
    },
    async afterAll(this: Mocha.Context) {
        this.timeout(180000);
        if (!current) return;
        const failures: string[] = [];
        for (const cleanup of tierEndCleanups.splice(0)) await cleanup().catch((e) => failures.push(String(e)));
        const dir = current.env.dir;
        await current.env.stop();
        const left = podProcesses(dir);
        if (left.length > 0)
            failures.push(`processes of the router pods outlived the environment: ${JSON.stringify(left)}`);
        fs.rmSync(current.stateDir, { recursive: true, force: true });
        current = undefined;
        if (failures.length > 0) throw new Error(failures.join("\n"));
    },
};

export interface BackgroundUp {
    /** The up's result; a failure is left for the test to check. */
    result: Promise<UpResult>;
    /** Whether up has returned (or failed) yet. */
    returned(): boolean;
}

const background: (BackgroundUp & { abort: AbortController })[] = [];

/** Starts `up` without waiting for it; the root hooks abort it if the test ends first. */
export function upInBackground(stack: Stack): BackgroundUp {
    const abort = new AbortController();
    let done = false;
    const result = stack.up({ signal: abort.signal });
    result.then(
        () => (done = true),
        () => (done = true),
    );
    const up = { result, returned: () => done, abort };
    background.push(up);
    return up;
}

/** The environment every pulumi command of the tier runs with. */
export function pulumiEnv(): Record<string, string> {
    return e2e().env.pulumiEnv(e2e().stateDir, "e2e-only");
}

let stackCounter = 0;

/** A fresh stack of an inline program, run by the real engine against the environment's cluster. */
export async function newStack(program: () => Promise<Record<string, unknown> | void>, name = "e2e"): Promise<Stack> {
    const workDir = fs.mkdtempSync(path.join(e2e().stateDir, `${name}-`));
    return inlineStack(
        { stackName: `${name}-${++stackCounter}`, projectName: "skupper-e2e", program },
        { workDir, envVars: pulumiEnv(), pulumiCommand: e2e().pulumi },
    );
}

/** A StackReference to another stack of the tier, by its fully qualified name on the local backend. */
export const referenceTo = (stack: Stack) => new pulumi.StackReference(`organization/skupper-e2e/${stack.name}`);

/** The stack's state as the backend stores it (secrets encrypted), not as exportStack shows it (decrypted). */
export function storedState(stack: Stack): string {
    const dir = path.join(e2e().stateDir, ".pulumi", "stacks");
    const file = fs
        .readdirSync(dir, { recursive: true, encoding: "utf8" })
        .find((f) => path.basename(f) === `${stack.name}.json`);
    if (!file) throw new Error(`no stored state for stack ${stack.name} in ${dir}`);
    return fs.readFileSync(path.join(dir, file), "utf8");
}

export const policyPackDir = path.join(repoRoot, "policy");

/** pulumiEnv with the component's plugin launcher (provider/plugin/pulumi-resource-skupper) on
 * PATH, for programs in other languages. */
export function pluginEnv(): Record<string, string> {
    const env = pulumiEnv();
    return { ...env, PATH: `${path.join(repoRoot, "provider", "plugin")}${path.delimiter}${env.PATH}` };
}
