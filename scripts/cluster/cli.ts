// `npm run cluster -- start|stop|status`: the local control plane as a command. start
// leaves it running and prints where the kubeconfig is; stop ends every process it
// started.
import * as fs from "node:fs";
import { loadState, startControlPlane, stopControlPlane } from "./controlPlane";
import { cacheDir, currentClusterFile as current } from "./localEnv";
import { isRunning } from "./processes";

const log = (line: string) => console.error(`[cluster] ${line}`);

async function main(command: string | undefined, args: string[]): Promise<void> {
    switch (command) {
        case "start": {
            if (fs.existsSync(current)) {
                log(`a control plane is already recorded in ${fs.readFileSync(current, "utf8")}; run 'npm run cluster -- stop' first`);
                process.exitCode = 1;
                return;
            }
            fs.mkdirSync(cacheDir, { recursive: true });
            const state = await startControlPlane({ skupper: !args.includes("--without-skupper"), log });
            fs.writeFileSync(current, state.dir);
            console.log(state.kubeconfig);
            log(`export KUBECONFIG=${state.kubeconfig}`);
            log("stop it with: npm run cluster -- stop");
            return;
        }
        case "stop": {
            const dir = args[0] ?? (fs.existsSync(current) ? fs.readFileSync(current, "utf8") : undefined);
            if (!dir || !fs.existsSync(dir)) {
                log("no local control plane is running");
                fs.rmSync(current, { force: true });
                return;
            }
            await stopControlPlane(loadState(dir));
            fs.rmSync(current, { force: true });
            log(`stopped; removed ${dir}`);
            return;
        }
        case "status": {
            const dir = fs.existsSync(current) ? fs.readFileSync(current, "utf8") : undefined;
            if (!dir || !fs.existsSync(dir)) {
                log("no local control plane is running");
                return;
            }
            const state = loadState(dir);
            for (const p of state.processes) log(`${p.name} (pid ${p.pid}): ${isRunning(p.pid) ? "running" : "stopped"}; log ${p.log}`);
            console.log(state.kubeconfig);
            return;
        }
        default:
            log("usage: npm run cluster -- start [--without-skupper] | stop | status");
            process.exitCode = 2;
    }
}

main(process.argv[2], process.argv.slice(3)).catch((e) => {
    log(`failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
});
