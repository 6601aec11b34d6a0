// `npm run bench`: what the component and the policy pack cost, against raw resources,
// under mocks; `npm run bench -- --real`: on the real engine and API server (real/).
// Runs compiled (bin/bench/run.js). Prints a table and writes bench/results.json
// (bench/results-real.json). A benchmark, not a test: it asserts nothing, it measures.
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { policyCost } from "./policyCost";
import { ratios, show, spread } from "./stats";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const resultsPath = path.resolve(__dirname, "../../bench/results.json");

function measureProgram(variant: string, n: number): { ms: number; maxRssKb: number } {
    // Compiled JavaScript, as users run the package.
    const out = execFileSync(process.execPath, [path.join(__dirname, "programCost.js"), variant, String(n)], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
    });
    return JSON.parse(out.trim().split("\n").pop()!);
}

async function main(): Promise<void> {
    const program = [];
    for (const n of [1, 10, 100, 1000]) {
        const samples: Record<string, { ms: number[]; kbPerPair: number[] }> = {
            component: { ms: [], kbPerPair: [] },
            raw: { ms: [], kbPerPair: [] },
            floor: { ms: [], kbPerPair: [] },
            outputs: { ms: [], kbPerPair: [] },
        };
        for (let run = 0; run < RUNS; run++) {
            const baseline = measureProgram("baseline", 0).maxRssKb;
            // Alternate the order, so that neither variant always runs on a warmer machine.
            const variants = ["component", "raw", "floor", "outputs"];
            for (const variant of run % 2 === 0 ? variants : [...variants].reverse()) {
                const m = measureProgram(variant, n);
                samples[variant].ms.push(m.ms / n);
                samples[variant].kbPerPair.push(Math.max(0, m.maxRssKb - baseline) / n);
            }
            process.stderr.write(`program cost: N=${n} run ${run + 1}/${RUNS}\n`);
        }
        program.push({
            n,
            msPerPair: { component: spread(samples.component.ms), raw: spread(samples.raw.ms) },
            peakKbPerPair: { component: spread(samples.component.kbPerPair), raw: spread(samples.raw.kbPerPair) },
            timeRatio: ratios(samples.component.ms, samples.raw.ms),
            floorRatio: ratios(samples.floor.ms, samples.raw.ms),
            outputsRatio: ratios(samples.outputs.ms, samples.raw.ms),
        });
    }

    const policy = [];
    let previous: { n: number; ms: number } | undefined;
    for (const n of [100, 1000, 10000, 50000]) {
        const { ms, violations } = await policyCost(n, RUNS);
        const perResource = {
            median: (ms.median * 1000) / n,
            min: (ms.min * 1000) / n,
            max: (ms.max * 1000) / n,
            runs: ms.runs,
        };
        policy.push({
            n,
            ms,
            usPerResource: perResource,
            growth: previous ? ms.median / previous.ms / (n / previous.n) : undefined,
            violations,
        });
        previous = { n, ms: ms.median };
        process.stderr.write(`policy cost: N=${n}\n`);
    }

    const machine = {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model,
        memoryGiB: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        runs: RUNS,
    };
    const results = { date: new Date().toISOString(), machine, program, policy };
    fs.writeFileSync(resultsPath, JSON.stringify(results, null, 2) + "\n");

    const f = (x: number) => x.toFixed(2);
    console.log(`\nProgram cost under mocks (per pair, median [min-max] of ${RUNS} runs)`);
    console.log(
        "N      component ms        raw ms              ratio               floor ratio         floor+outputs ratio component KiB   raw KiB",
    );
    for (const p of program) {
        console.log(
            `${String(p.n).padEnd(7)}${show(p.msPerPair.component).padEnd(20)}${show(p.msPerPair.raw).padEnd(20)}` +
                `${show(p.timeRatio).padEnd(20)}${show(p.floorRatio).padEnd(20)}${show(p.outputsRatio).padEnd(20)}` +
                `${p.peakKbPerPair.component.median.toFixed(0)}`.padEnd(16) +
                `${p.peakKbPerPair.raw.median.toFixed(0)}`,
        );
    }
    console.log(`\nPolicy pack over N resources (median [min-max] of ${RUNS} runs)`);
    console.log("N       total ms                    us/resource            growth vs proportional");
    for (const p of policy) {
        console.log(
            `${String(p.n).padEnd(8)}${show(p.ms).padEnd(28)}${show(p.usPerResource).padEnd(23)}${p.growth === undefined ? "-" : f(p.growth)}`,
        );
    }
    console.log(`\nwrote ${path.join("bench", "results.json")}`);
}

if (process.argv.includes("--real")) {
    // The local environment runs from its TypeScript sources (its scripts and the
    // emulator are found beside them), so the real part runs under ts-node.
    const root = path.resolve(__dirname, "../..");
    const child = spawnSync(
        process.execPath,
        ["-r", "ts-node/register/transpile-only", path.join(root, "bench/real/main.ts")],
        { cwd: root, stdio: "inherit" },
    );
    process.exitCode = child.status ?? 1;
} else
    main().catch((e) => {
        console.error(e);
        process.exitCode = 1;
    });
