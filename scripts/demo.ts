// `npm run demo`: provides the toolchain, starts the local environment (or reuses the
// running one; SKUPPER_PULUMI_KUBECONFIG names an existing cluster instead), runs
// `pulumi up` of the demo program (Pulumi.yaml, demo/) on it with the real engine,
// prints the outputs and, in the network mode, a line sent through the listener and the
// pod that answered; it leaves everything running. Its first and last lines name the
// mode. `npm run demo -- destroy` removes the demo's objects and stops the environment.
import * as fs from "node:fs";
import * as path from "node:path";
import { OutputMap, PulumiCommand } from "@pulumi/pulumi/automation";
import { demo } from "../examples/demo/program";
import { waitFor } from "../test/localenv/cluster/processes";
import { sendThroughService } from "../test/localenv/dataplane/traffic";
import { currentEnvironment, forgetEnvironment, rememberEnvironment } from "../test/localenv/current";
import { LocalEnvironment } from "../test/localenv/environment";
import { inlineStack } from "../test/localenv/inlineStack";
import { environmentOptions } from "../test/localenv/environmentOptions";
import { provideToolchain } from "../test/localenv/toolchain/toolchain";

const repoRoot = path.resolve(__dirname, "..");
const log = (line: string) => console.error(`[demo] ${line}`);

async function main(command: string | undefined): Promise<void> {
    const running = currentEnvironment(log);
    if (command === "destroy" && !running) {
        log("no local environment is running; nothing to destroy");
        return;
    }
    const options = environmentOptions();
    if (running && command !== "destroy" && !running.satisfies(options)) {
        throw new Error(
            `another environment is running (${running.describe()}); stop it first with 'npm run demo -- destroy' or 'npm run cluster -- stop'`,
        );
    }
    if (running) log(`${running.describe()}; reusing the running environment (${running.dir})`);
    const env = running ?? (await LocalEnvironment.start({ ...options, toolchain: await provideToolchain(), log }));
    rememberEnvironment(env);
    env.detach();

    // The demo's stack belongs to this environment's cluster, so its state lives with it.
    const backendDir = path.join(env.dir, "demo-state");
    fs.mkdirSync(backendDir, { recursive: true });
    const stack = await inlineStack(
        { stackName: "local", projectName: "skupper-attached-connector-demo", program: async () => demo() },
        {
            workDir: repoRoot,
            pulumiCommand: await PulumiCommand.get({ root: env.toolchain.dir }),
            envVars: env.pulumiEnv(backendDir, process.env.PULUMI_CONFIG_PASSPHRASE ?? "local-demo"),
        },
    );

    if (command === "destroy") {
        await stack.destroy({ onOutput: (s) => process.stdout.write(s) });
        await env.stop();
        forgetEnvironment();
        log(`${env.describe()}: demo destroyed and environment stopped`);
        return;
    }

    const result = await stack.up({ onOutput: (s) => process.stdout.write(s) });
    console.log("\nOutputs:");
    for (const [key, { value }] of Object.entries(result.outputs)) console.log(`  ${key}: ${JSON.stringify(value)}`);
    if (env.mode === "network") await printRoundTrip(env, result.outputs);
    else
        log(
            `no router runs in ${env.mode} mode, so no bytes cross the pair here (the network mode has Skupper's router)`,
        );
    log(`the environment is still running; export KUBECONFIG=${env.kubeconfig} to look at it`);
    log("tear it down with: npm run demo -- destroy");
    log(env.describe());
}

/** One line sent to the listener's Service, as a client in the site namespace would, and the pod that answered. */
async function printRoundTrip(env: LocalEnvironment, outputs: OutputMap): Promise<void> {
    const target = {
        namespace: outputs.siteNamespace.value,
        service: outputs.listenerHost.value,
        port: outputs.listenerPort.value,
    };
    const line = "hello from the demo";
    const [trip] = await waitFor(
        "the listener to answer",
        async () => {
            const trips = await sendThroughService(env.kube, target, [line]);
            return trips[0].pod ? trips : undefined;
        },
        120000,
    );
    console.log(`\nRound trip through Skupper's router:\n  sent ${JSON.stringify(line)} to ${trip.to}`);
    console.log(`  answered by pod ${trip.pod}: ${JSON.stringify(trip.reply)}`);
}

main(process.argv[2]).catch((e) => {
    log(`failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
});
