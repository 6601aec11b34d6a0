// The end-to-end tier's one harness: the local control plane (started once per run by
// the root hooks below and always stopped), and real Pulumi stacks on it, run through
// the Automation API with a local file backend.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { execFileSync } from "node:child_process";
import { LocalWorkspace, PulumiCommand, Stack } from "@pulumi/pulumi/automation";
import { ControlPlaneState, startControlPlane, stopControlPlane, toolchainDir } from "../../scripts/cluster/controlPlane";
import { KubeClient } from "../../scripts/cluster/kubeClient";
import { localPulumiEnv } from "../../scripts/cluster/localEnv";

const repoRoot = path.resolve(__dirname, "../..");

export interface E2E {
    cluster: ControlPlaneState;
    kube: KubeClient;
    toolchain: string;
    pulumi: PulumiCommand;
    stateDir: string;
}

let current: E2E | undefined;

/** The running control plane and toolchain; only valid inside the e2e tier. */
export function e2e(): E2E {
    if (!current) throw new Error("the local control plane is not running (the e2e root hooks start it)");
    return current;
}

const log = (line: string) => console.error(`      [e2e] ${line}`);

export const mochaHooks = {
    async beforeAll(this: Mocha.Context) {
        this.timeout(60 * 60 * 1000);
        const toolchain = toolchainDir(log);
        log("building the policy pack");
        execFileSync("node", [path.join(repoRoot, "scripts/ensure-deps.js"), path.join(repoRoot, "policy")], { stdio: "inherit" });
        execFileSync(path.join(repoRoot, "node_modules/.bin/tsc"), ["-p", path.join(repoRoot, "policy/tsconfig.json")], { stdio: "inherit" });
        // The tests of this tier so far need no Skupper controller; run it when the
        // toolchain has one, so that they also run beside it.
        const skupper = fs.existsSync(path.join(toolchain, "bin", "skupper-controller"));
        if (!skupper) log("the toolchain has no Skupper controller; starting the control plane without it");
        const cluster = await startControlPlane({ skupper, toolchain, log });
        const onSignal = () => {
            void stopControlPlane(cluster).finally(() => process.exit(130));
        };
        process.once("SIGINT", onSignal);
        process.once("SIGTERM", onSignal);
        current = {
            cluster,
            kube: new KubeClient(cluster.access),
            toolchain,
            pulumi: await PulumiCommand.get({ root: toolchain, skipVersionCheck: false }),
            stateDir: fs.mkdtempSync(path.join(os.tmpdir(), "skupper-pulumi-state-")),
        };
    },
    async afterAll(this: Mocha.Context) {
        this.timeout(60000);
        if (!current) return;
        await stopControlPlane(current.cluster);
        fs.rmSync(current.stateDir, { recursive: true, force: true });
        current = undefined;
    },
};

/** The environment every pulumi command of the tier runs with. */
export function pulumiEnv(): Record<string, string> {
    const { cluster, toolchain, stateDir } = e2e();
    return localPulumiEnv(toolchain, cluster.kubeconfig, stateDir, "e2e-only");
}

let stackCounter = 0;

/** A fresh stack of an inline program, run by the real engine against the local cluster. */
export async function newStack(program: () => Promise<Record<string, unknown> | void>, name = "e2e"): Promise<Stack> {
    const workDir = fs.mkdtempSync(path.join(e2e().stateDir, `${name}-`));
    return LocalWorkspace.createOrSelectStack(
        { stackName: `${name}-${++stackCounter}`, projectName: "skupper-e2e", program },
        { workDir, envVars: pulumiEnv(), pulumiCommand: e2e().pulumi },
    );
}

export const policyPackDir = path.join(repoRoot, "policy");

/** pulumiEnv with the component's plugin launcher (provider/pulumi-resource-skupper) on
 * PATH, for programs in other languages. */
export function pluginEnv(): Record<string, string> {
    const env = pulumiEnv();
    return { ...env, PATH: `${path.join(repoRoot, "provider")}${path.delimiter}${env.PATH}` };
}
