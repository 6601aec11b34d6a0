// `npm run bench -- --real`: the real engine, the real Kubernetes provider and the
// local API server, with Skupper's controller (real mode) or the status emulator
// (emulated mode), as the environment's mode says. Starts its own environment, runs
// the parts asked for, stops the environment, prints the figures and writes them under
// the mode's key in bench/results-real.json (parts not run keep their earlier figures):
//   the main table: BENCH_RUNS runs (5 by default) of N = BENCH_REAL_N pairs (1,20,100
//     by default; empty: no table);
//   the slow paths of one pair, BENCH_RUNS runs (BENCH_SLOW=0: not run);
//   the parallel steps: BENCH_STEPS_N new pairs (20) under each `--parallel` of
//     BENCH_STEPS (e.g. 2,4,8; not run by default).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { show } from "../stats";
import { parallelSteps, StepsResult } from "./parallelSteps";
import { slowPaths, SlowPathResult } from "./slowPaths";
import { RATIOS, realTable, TableRow } from "./table";
import { VARIANTS } from "./variants";
import { withRealWorld } from "./world";

const resultsPath = path.resolve(__dirname, "../results-real.json");
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

interface Parts {
    runs: number;
    counts: number[];
    slow: boolean;
    steps: number[];
    stepsN: number;
}

async function realBench(parts: Parts): Promise<void> {
    const { mode, ...results } = await withRealWorld(log, async (world) => {
        log(world.env.describe());
        const table = parts.counts.length > 0 ? await realTable(world, parts.counts, parts.runs, log) : undefined;
        const slow = parts.slow ? await slowPaths(world, parts.runs, log) : undefined;
        const steps = parts.steps.length > 0 ? await parallelSteps(world, parts.stepsN, parts.steps, log) : undefined;
        return { mode: world.env.describe(), table, slowPaths: slow, parallelSteps: steps };
    });
    // The engine's checkpoint after every step dominates large stacks on a file backend;
    // figures with PULUMI_SKIP_CHECKPOINTS (final state only) are kept apart.
    const skipCheckpoints = Boolean(process.env.PULUMI_SKIP_CHECKPOINTS);
    const key = `${mode.startsWith("mode: real") ? "real" : "emulated"}${skipCheckpoints ? "-skip-checkpoints" : ""}`;
    const previous = fs.existsSync(resultsPath) ? JSON.parse(fs.readFileSync(resultsPath, "utf8")) : {};
    const machine = {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model,
        memoryGiB: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
    };
    const ran = Object.fromEntries(Object.entries(results).filter(([, value]) => value !== undefined));
    previous[key] = {
        ...previous[key],
        date: new Date().toISOString(),
        mode: mode.replace(/,.*\)$/, ")"),
        skipCheckpoints,
        machine,
        runs: parts.runs,
        ...ran,
    };
    fs.writeFileSync(resultsPath, JSON.stringify(previous, null, 2) + "\n");
    print(
        `${mode}${skipCheckpoints ? "; PULUMI_SKIP_CHECKPOINTS=true" : ""}`,
        parts.runs,
        results.table ?? [],
        results.slowPaths ?? [],
        results.parallelSteps ?? [],
    );
    log(`wrote ${path.join("bench", "results-real.json")} (${key})`);
}

function print(mode: string, runs: number, table: TableRow[], slow: SlowPathResult[], steps: StepsResult[]): void {
    console.log(`\n${mode}`);
    if (table.length > 0) console.log(`\nReal up / preview / destroy, seconds, median [min-max] of ${runs} runs`);
    if (table.length > 0)
        console.log(
            "N    op       " + VARIANTS.map((v) => v.padEnd(22)).join("") + RATIOS.map((r) => r.padEnd(22)).join(""),
        );
    for (const row of table) {
        for (const op of ["up", "preview", "destroy"] as const) {
            console.log(
                `${String(row.n).padEnd(5)}${op.padEnd(9)}` +
                    VARIANTS.map((v) => show(row.seconds[v][op]).padEnd(22)).join("") +
                    RATIOS.map((r) => show(row.ratio[r][op]).padEnd(22)).join(""),
            );
        }
        console.log(
            `${String(row.n).padEnd(5)}${"ready ms".padEnd(9)}` +
                VARIANTS.map((v) => show(row.readinessMs[v], 0).padEnd(22)).join(""),
        );
        console.log(
            `${String(row.n).padEnd(5)}${"→ engine".padEnd(9)}` +
                VARIANTS.map((v) => show(row.readinessToEngineMs[v], 0).padEnd(22)).join(""),
        );
    }
    const one = table.find((row) => row.n === 1);
    for (const row of one ? table.filter((r) => r !== one) : []) {
        console.log(
            `up at N=${row.n} / up at N=1 (medians): ` +
                VARIANTS.map((v) => `${v} ${(row.seconds[v].up.median / one!.seconds[v].up.median).toFixed(2)}`).join(
                    ", ",
                ),
        );
    }
    if (slow.length > 0) {
        console.log(`\nSlow paths of one pair (component), seconds after the start, median [min-max] of ${runs} runs`);
        console.log(
            "path          total                 last ready            delete requested      last deleted          finalizers",
        );
    }
    for (const s of slow) {
        console.log(
            s.path.padEnd(14) +
                show(s.seconds).padEnd(22) +
                show(s.phases.lastReady).padEnd(22) +
                show(s.phases.deleteRequested).padEnd(22) +
                show(s.phases.lastDeleted).padEnd(22) +
                (s.finalizers.join(", ") || "-"),
        );
    }
    if (steps.length > 0) console.log("\nNew pairs under --parallel P (one run each)");
    for (const s of steps)
        console.log(
            `${s.variant.padEnd(10)} --parallel ${String(s.parallel).padEnd(5)} ${s.n} pairs: ${s.ready ? "ready" : "failed"} after ${s.seconds.toFixed(1)} s`,
        );
}

const numbers = (text: string) => text.split(",").filter(Boolean).map(Number);
realBench({
    runs: Number(process.env.BENCH_RUNS ?? 5),
    counts: numbers(process.env.BENCH_REAL_N ?? "1,20,100"),
    slow: process.env.BENCH_SLOW !== "0",
    steps: numbers(process.env.BENCH_STEPS ?? ""),
    stepsN: Number(process.env.BENCH_STEPS_N ?? 20),
}).catch((e) => {
    console.error(e);
    process.exitCode = 1;
});
