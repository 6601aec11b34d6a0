// `npm run demo`: provides the toolchain, starts the local control plane (or reuses the
// running one), runs `pulumi up` of the demo program (Pulumi.yaml) on it with the real
// engine, prints the outputs and leaves everything running.
// `npm run demo -- destroy` removes the demo's objects and stops the control plane.
import * as fs from "node:fs";
import * as path from "node:path";
import { LocalWorkspace, PulumiCommand } from "@pulumi/pulumi/automation";
import { demo, demoDefaults } from "../demo/program";
import { loadState, startControlPlane, stopControlPlane, toolchainDir } from "./cluster/controlPlane";
import { makePodsReady } from "./cluster/fixtures";
import { KubeClient, paths } from "./cluster/kubeClient";
import { cacheDir, currentClusterFile as current, localPulumiEnv } from "./cluster/localEnv";

const repoRoot = path.resolve(__dirname, "..");
const log = (line: string) => console.error(`[demo] ${line}`);

async function main(command: string | undefined): Promise<void> {
    fs.mkdirSync(cacheDir, { recursive: true });
    const toolchain = toolchainDir(log);
    const running = fs.existsSync(current) && fs.existsSync(fs.readFileSync(current, "utf8"));
    if (command === "destroy" && !running) {
        log("no local control plane is running; nothing to destroy");
        return;
    }
    const cluster = running ? loadState(fs.readFileSync(current, "utf8")) : await startControlPlane({ toolchain, log });
    fs.writeFileSync(current, cluster.dir);
    const kube = new KubeClient(cluster.access);

    const backendDir = path.join(cacheDir, "demo-state");
    fs.mkdirSync(backendDir, { recursive: true });
    const stack = await LocalWorkspace.createOrSelectStack({ stackName: "local", projectName: "skupper-attached-connector-demo", program: async () => demo() }, {
        workDir: repoRoot,
        pulumiCommand: await PulumiCommand.get({ root: toolchain }),
        envVars: localPulumiEnv(toolchain, cluster.kubeconfig, backendDir, process.env.PULUMI_CONFIG_PASSPHRASE ?? "local-demo"),
    });

    if (command === "destroy") {
        await stack.destroy({ onOutput: (s) => process.stdout.write(s) });
        await stopControlPlane(cluster);
        fs.rmSync(current, { force: true });
        log("demo destroyed and control plane stopped");
        return;
    }

    // No kubelet runs here: mark the backend's pods Running and Ready as they appear.
    const stopMarking = markPodsReadyWhileRunning(kube, demoDefaults.workloadNamespace, demoDefaults.selector);
    try {
        const result = await stack.up({ onOutput: (s) => process.stdout.write(s) });
        console.log("\nOutputs:");
        for (const [key, { value }] of Object.entries(result.outputs)) console.log(`  ${key}: ${JSON.stringify(value)}`);
    } finally {
        stopMarking();
    }
    log(`the control plane is still running; export KUBECONFIG=${cluster.kubeconfig} to look at it`);
    log("tear it down with: npm run demo -- destroy");
}

function markPodsReadyWhileRunning(kube: KubeClient, namespace: string, selector: string): () => void {
    let stopped = false;
    const loop = async () => {
        while (!stopped) {
            try {
                const pods = await kube.get<{ items: { metadata: { name: string }; status?: { phase?: string } }[] }>(
                    `${paths.pods(namespace)}?labelSelector=${encodeURIComponent(selector)}`);
                const pending = pods.items.filter((p) => p.status?.phase !== "Running").map((p) => p.metadata.name);
                if (pending.length > 0) await makePodsReady(kube, namespace, pending);
            } catch {
                // the namespace may not exist yet
            }
            await new Promise((resolve) => setTimeout(resolve, 500));
        }
    };
    void loop();
    return () => {
        stopped = true;
    };
}

main(process.argv[2]).catch((e) => {
    log(`failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
});
