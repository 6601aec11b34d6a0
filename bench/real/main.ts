// `npm run bench -- --real`: the real engine, the real Kubernetes provider and the
// local API server, with Skupper's controller (real mode) or the status emulator
// (emulated mode), as the environment's mode says. Starts its own environment, runs
// the main table and the slow paths, stops the environment, prints the figures and
// writes them under the mode's key in bench/results-real.json. BENCH_RUNS runs (5 by
// default) of N = BENCH_REAL_N pairs (1,20,100 by default; empty: the slow paths only).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { show } from "../stats";
import { slowPaths, SlowPathResult } from "./slowPaths";
import { realTable, TableRow } from "./table";
import { VARIANTS } from "./variants";
import { withRealWorld } from "./world";

const resultsPath = path.resolve(__dirname, "../results-real.json");
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

async function realBench(runs: number, counts: number[]): Promise<void> {
    const { mode, table, slow } = await withRealWorld(log, async (world) => {
        log(world.env.describe());
        const table = await realTable(world, counts, runs, log);
        const slow = await slowPaths(world, runs, log);
        return { mode: world.env.describe(), table, slow };
    });
    const key = mode.startsWith("mode: real") ? "real" : "emulated";
    const previous = fs.existsSync(resultsPath) ? JSON.parse(fs.readFileSync(resultsPath, "utf8")) : {};
    const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version };
    previous[key] = { date: new Date().toISOString(), mode: mode.replace(/,.*\)$/, ")"), machine, runs, table, slowPaths: slow };
    fs.writeFileSync(resultsPath, JSON.stringify(previous, null, 2) + "\n");
    print(mode, runs, table, slow);
    log(`wrote ${path.join("bench", "results-real.json")} (${key})`);
}

function print(mode: string, runs: number, table: TableRow[], slow: SlowPathResult[]): void {
    console.log(`\nReal up / preview / destroy, seconds, median [min-max] of ${runs} runs; ${mode}`);
    console.log("N    op       " + VARIANTS.map((v) => v.padEnd(22)).join("") + "component/raw         component/kubectl");
    for (const row of table) {
        for (const op of ["up", "preview", "destroy"] as const) {
            console.log(`${String(row.n).padEnd(5)}${op.padEnd(9)}` + VARIANTS.map((v) => show(row.seconds[v][op]).padEnd(22)).join("") +
                show(row.ratio.raw[op]).padEnd(22) + show(row.ratio.kubectl[op]));
        }
        console.log(`${String(row.n).padEnd(5)}${"ready ms".padEnd(9)}` + VARIANTS.map((v) => show(row.readinessMs[v], 0).padEnd(22)).join(""));
    }
    console.log(`\nSlow paths of one pair (component), seconds after the start, median [min-max] of ${runs} runs`);
    console.log("path          total                 last ready            delete requested      last deleted          finalizers");
    for (const s of slow) {
        console.log(s.path.padEnd(14) + show(s.seconds).padEnd(22) + show(s.phases.lastReady).padEnd(22) +
            show(s.phases.deleteRequested).padEnd(22) + show(s.phases.lastDeleted).padEnd(22) + (s.finalizers.join(", ") || "-"));
    }
}

const counts = (process.env.BENCH_REAL_N ?? "1,20,100").split(",").filter(Boolean).map(Number);
realBench(Number(process.env.BENCH_RUNS ?? 5), counts).catch((e) => {
    console.error(e);
    process.exitCode = 1;
});
