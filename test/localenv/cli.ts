// `npm run cluster -- start|stop|status`: the local environment as a command. start
// leaves it running and prints where the kubeconfig is (one per cluster with
// --clusters=2); stop ends every process it started (in the network mode, the router
// pods' containers with them); status shows each process.
import { joinClusters } from "./clusterPeers";
import { currentClusters, forgetEnvironment, rememberEnvironment } from "./current";
import { LocalEnvironment } from "./environment";
import { isRunning } from "./cluster/processes";
import { environmentOptions } from "./environmentOptions";

const log = (line: string) => console.error(`[cluster] ${line}`);
const USAGE = "usage: npm run cluster -- start [--mode=network|real|emulated] [--clusters=1|2] | stop | status";

function flag(args: string[], name: string): string | undefined {
    return args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

async function start(args: string[]): Promise<void> {
    const forced = flag(args, "mode");
    const count = flag(args, "clusters") ?? "1";
    if (!["1", "2"].includes(count)) throw new Error(`--clusters: '${count}' is not 1 or 2`);
    const options = environmentOptions(forced ? { ...process.env, SKUPPER_PULUMI_MODE: forced } : process.env);
    if (count === "2" && options.kubeconfig)
        throw new Error("--clusters=2 starts two local clusters; SKUPPER_PULUMI_KUBECONFIG names one existing cluster");
    const names = count === "2" ? ["a", "b"] : [undefined];
    const clusters: LocalEnvironment[] = [];
    try {
        for (const name of names) {
            const mode = clusters[0]?.mode ?? options.mode;
            clusters.push(await LocalEnvironment.start({ ...options, mode, name, log }));
        }
    } catch (e) {
        for (const cluster of clusters) await cluster.stop();
        throw e;
    }
    joinClusters(clusters);
    rememberEnvironment(...clusters);
    for (const cluster of clusters) {
        cluster.detach();
        console.log(cluster.kubeconfig);
        log(cluster.describe());
        log(`${cluster.name ? `cluster ${cluster.name}: ` : ""}export KUBECONFIG=${cluster.kubeconfig}`);
    }
    log("stop it with: npm run cluster -- stop");
}

async function main(command: string | undefined, args: string[]): Promise<void> {
    const running = currentClusters(log);
    switch (command) {
        case "start": {
            if (running.length > 0) {
                log(`an environment is already running (${running[0].dir}); run 'npm run cluster -- stop' first`);
                process.exitCode = 1;
                return;
            }
            return start(args);
        }
        case "stop": {
            if (running.length === 0) log("no local environment is running");
            for (const cluster of running.reverse()) {
                await cluster.stop();
                log(`stopped; removed ${cluster.dir}`);
            }
            forgetEnvironment();
            return;
        }
        case "status": {
            if (running.length === 0) {
                log("no local environment is running");
                return;
            }
            for (const cluster of running) {
                log(cluster.describe());
                for (const p of cluster.processes.all)
                    log(`${p.name} (pid ${p.pid}): ${isRunning(p.pid) ? "running" : "stopped"}; log ${p.log}`);
                console.log(cluster.kubeconfig);
            }
            return;
        }
        default:
            log(USAGE);
            process.exitCode = 2;
    }
}

main(process.argv[2], process.argv.slice(3)).catch((e) => {
    log(`failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
});
