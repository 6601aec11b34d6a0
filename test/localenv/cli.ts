// `npm run cluster -- start|stop|status`: the local environment as a command. start
// leaves it running and prints where the kubeconfig is; stop ends every process it
// started (in the network mode, the router pods' containers with them); status shows
// each process.
import { currentEnvironment, forgetEnvironment, rememberEnvironment } from "./current";
import { LocalEnvironment } from "./environment";
import { isRunning } from "./cluster/processes";
import { environmentOptions } from "./environmentOptions";

const log = (line: string) => console.error(`[cluster] ${line}`);

async function main(command: string | undefined, args: string[]): Promise<void> {
    const running = currentEnvironment(log);
    switch (command) {
        case "start": {
            if (running) {
                log(`an environment is already running (${running.dir}); run 'npm run cluster -- stop' first`);
                process.exitCode = 1;
                return;
            }
            const forced = args.find((a) => a.startsWith("--mode="))?.slice("--mode=".length);
            const options = environmentOptions(forced ? { ...process.env, SKUPPER_PULUMI_MODE: forced } : process.env);
            const env = await LocalEnvironment.start({ ...options, log });
            rememberEnvironment(env);
            env.detach();
            console.log(env.kubeconfig);
            log(env.describe());
            log(`export KUBECONFIG=${env.kubeconfig}`);
            log("stop it with: npm run cluster -- stop");
            return;
        }
        case "stop": {
            if (!running) {
                log("no local environment is running");
                forgetEnvironment();
                return;
            }
            await running.stop();
            forgetEnvironment();
            log(`stopped; removed ${running.dir}`);
            return;
        }
        case "status": {
            if (!running) {
                log("no local environment is running");
                return;
            }
            log(running.describe());
            for (const p of running.processes.all)
                log(`${p.name} (pid ${p.pid}): ${isRunning(p.pid) ? "running" : "stopped"}; log ${p.log}`);
            console.log(running.kubeconfig);
            return;
        }
        default:
            log("usage: npm run cluster -- start [--mode=network|real|emulated] | stop | status");
            process.exitCode = 2;
    }
}

main(process.argv[2], process.argv.slice(3)).catch((e) => {
    log(`failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
});
