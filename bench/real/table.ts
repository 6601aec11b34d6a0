// The real benchmark's main table: for N pairs, up, preview (no changes) and destroy of
// the component, of the same objects as raw CustomResources (bare, and inside a bare
// component) and of kubectl apply + kubectl wait, alternating the variants within each
// run, and the readiness latency (Skupper's status write, as a watch sees it, to up
// returning).
import { ratios, spread, Spread } from "../stats";
import { RealWorld, siteNamespace, watchPairs, workloadNamespace } from "./world";
import { benchStack, kubectlVariant, Pairs, PROGRAMS, stackVariant, Variant, VariantName, VARIANTS } from "./variants";
import { HalfWatch, latest } from "./watch";

type Operation = "up" | "preview" | "destroy";
const OPERATIONS: Operation[] = ["up", "preview", "destroy"];

export interface TableRow {
    n: number;
    /** Seconds per operation and variant. */
    seconds: Record<VariantName, Record<Operation, Spread>>;
    /** Ratios of two variants' times, run by run: component/raw, floor/raw, component/floor, component/kubectl. */
    ratio: Record<RatioName, Record<Operation, Spread>>;
    /** ms from the last half's status write (as the watch saw it) to up returning. */
    readinessMs: Record<VariantName, Spread>;
    /** ms from that write to the engine's summary event (kubectl: to kubectl wait returning). */
    readinessToEngineMs: Record<VariantName, Spread>;
}

export const RATIOS = ["component/raw", "floor/raw", "reads/floor", "component/reads", "component/kubectl"] as const;
export type RatioName = (typeof RATIOS)[number];

interface Subject {
    variant: Variant;
    watches: HalfWatch[];
}

async function subject(world: RealWorld, name: VariantName, n: number): Promise<Subject> {
    const { env, bench } = world;
    const pairs: Pairs = {
        shop: await workloadNamespace(env, `b-${name}-${n}-shop`),
        west: await siteNamespace(env, `b-${name}-${n}-west`),
        n,
    };
    const variant =
        name === "kubectl"
            ? kubectlVariant(bench, pairs)
            : stackVariant(await benchStack(bench, `${name}-${n}`, PROGRAMS[name](pairs)));
    return { variant, watches: await watchPairs(env, pairs.shop, pairs.west) };
}

async function timed(body: () => Promise<void>): Promise<{ seconds: number; end: number }> {
    const start = process.hrtime.bigint();
    await body();
    return { seconds: Number(process.hrtime.bigint() - start) / 1e9, end: Date.now() };
}

export async function realTable(
    world: RealWorld,
    counts: number[],
    runs: number,
    log: (line: string) => void,
): Promise<TableRow[]> {
    const rows: TableRow[] = [];
    for (const n of counts) {
        const subjects = {} as Record<VariantName, Subject>;
        for (const name of VARIANTS) {
            subjects[name] = await subject(world, name, n);
            // Once untimed: the Site becomes active, the plugins and caches warm.
            await subjects[name].variant.up();
            await subjects[name].variant.destroy();
        }
        const samples = Object.fromEntries(
            VARIANTS.map((v) => [
                v,
                {
                    up: [] as number[],
                    preview: [] as number[],
                    destroy: [] as number[],
                    readiness: [] as number[],
                    engine: [] as number[],
                },
            ]),
        ) as Record<VariantName, Record<Operation | "readiness" | "engine", number[]>>;
        for (let r = 0; r < runs; r++) {
            // Alternate the order, so that no variant always runs on a warmer machine.
            for (const name of r % 2 === 0 ? VARIANTS : [...VARIANTS].reverse()) {
                const { variant, watches } = subjects[name];
                for (const w of watches) w.reset();
                const up = await timed(variant.up);
                const ready = latest(watches, "ready");
                if (ready === undefined)
                    throw new Error(`${name}, N=${n}: up returned before the watch saw every half ready`);
                samples[name].readiness.push(up.end - ready);
                samples[name].engine.push((variant.engineDone?.() ?? up.end) - ready);
                samples[name].up.push(up.seconds);
                samples[name].preview.push((await timed(variant.preview)).seconds);
                samples[name].destroy.push((await timed(variant.destroy)).seconds);
            }
            log(`real table: N=${n} run ${r + 1}/${runs}`);
        }
        for (const { watches } of Object.values(subjects)) for (const w of watches) w.stop();
        const per = (name: VariantName) =>
            Object.fromEntries(OPERATIONS.map((op) => [op, spread(samples[name][op])])) as Record<Operation, Spread>;
        const ratio = (name: RatioName) => {
            const [top, bottom] = name.split("/") as [VariantName, VariantName];
            return Object.fromEntries(
                OPERATIONS.map((op) => [op, ratios(samples[top][op], samples[bottom][op])]),
            ) as Record<Operation, Spread>;
        };
        const each = <T>(f: (name: VariantName) => T) =>
            Object.fromEntries(VARIANTS.map((v) => [v, f(v)])) as Record<VariantName, T>;
        rows.push({
            n,
            seconds: each(per),
            ratio: Object.fromEntries(RATIOS.map((name) => [name, ratio(name)])) as Record<
                RatioName,
                Record<Operation, Spread>
            >,
            readinessMs: each((v) => spread(samples[v].readiness)),
            readinessToEngineMs: each((v) => spread(samples[v].engine)),
        });
    }
    return rows;
}
