// `npm run demo`: provides the toolchain, starts the local environment (or reuses the
// running one; SKUPPER_PULUMI_KUBECONFIG names an existing cluster instead), runs
// `pulumi up` of the demo program (Pulumi.yaml, demo/) on it with the real engine,
// prints the outputs and leaves everything running. Its first and last lines name the
// mode. `npm run demo -- destroy` removes the demo's objects and stops the environment.
import * as fs from "node:fs";
import * as path from "node:path";
import { PulumiCommand } from "@pulumi/pulumi/automation";
import { demo } from "../examples/demo/program";
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
    log(`the environment is still running; export KUBECONFIG=${env.kubeconfig} to look at it`);
    log("tear it down with: npm run demo -- destroy");
    log(env.describe());
}

main(process.argv[2]).catch((e) => {
    log(`failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
});
