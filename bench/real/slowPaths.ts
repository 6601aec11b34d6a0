// The slow paths of one pair, timed the way the main table times up, in this order on
// fresh namespaces each run: create, a rename (a new objectName: both halves
// replaced), a move to another site namespace (the binding replaced, the connector
// updated), a move to another workload namespace (the connector replaced, the binding
// updated), and destroy. For each: the engine's steps
// as the Automation API's event stream delivers them, and what a watch on every
// namespace saw (the new objects Ready, the old ones marked for deletion, with their
// finalizers, and gone), all relative to the start of the operation.
import { EngineEvent } from "@pulumi/pulumi/automation";
import { AttachedConnectorPair, AttachedConnectorPairArgs } from "../../provider/index";
import { spread, Spread } from "../stats";
import { PORT, SELECTOR } from "./manifests";
import { benchStack } from "./variants";
import { HalfWatch } from "./watch";
import { RealWorld, siteNamespace, watchPairs, workloadNamespace } from "./world";

export type SlowPath = "create" | "rename" | "moveSite" | "moveWorkload" | "destroy";
const PATHS: SlowPath[] = ["create", "rename", "moveSite", "moveWorkload", "destroy"];

/** One engine step: its op and resource, started and ended (seconds after the operation began). */
export interface Step {
    op: string;
    resource: string;
    start?: number;
    end?: number;
}

/** What the watches saw of one object, in seconds after the operation began. */
export interface ObjectTimes {
    object: string;
    added?: number;
    ready?: number;
    deleting?: number;
    deleted?: number;
    finalizers?: string[];
}

export interface SlowPathRun {
    seconds: number;
    steps: Step[];
    objects: ObjectTimes[];
}

export interface SlowPathResult {
    path: SlowPath;
    seconds: Spread;
    /** Seconds to the last new or changed half Ready; to the old halves' delete request; to them gone. */
    phases: { lastReady?: Spread; deleteRequested?: Spread; lastDeleted?: Spread };
    /** Every finalizer seen on an object being deleted. */
    finalizers: string[];
    /** The first run in full, to read the order of the steps from. */
    example: SlowPathRun;
}

function recorder(start: () => number) {
    const steps = new Map<string, Step>();
    const onEvent = (event: EngineEvent) => {
        const pre = event.resourcePreEvent?.metadata;
        const done = event.resOutputsEvent?.metadata ?? event.resOpFailedEvent?.metadata;
        const meta = pre ?? done;
        if (!meta || meta.op === "same") return;
        const key = `${meta.op} ${meta.urn}`;
        const step = steps.get(key) ?? { op: meta.op, resource: meta.urn.split("::").pop()! };
        steps.set(key, step);
        const at = (Date.now() - start()) / 1000;
        if (pre) step.start ??= at;
        else step.end ??= at;
    };
    return { onEvent, steps: () => [...steps.values()] };
}

function objectTimes(watches: HalfWatch[], start: number): ObjectTimes[] {
    const rel = (t: number | undefined) => (t === undefined ? undefined : (t - start) / 1000);
    return watches.flatMap((w) =>
        [...w.seen].map(([name, s]) => ({
            object: `${w.kind} ${w.namespace}/${name}`,
            added: rel(s.added),
            ready: rel(s.ready),
            deleting: rel(s.deleting),
            deleted: rel(s.deleted),
            finalizers: s.finalizers,
        })),
    );
}

/** One run: fresh namespaces and a fresh stack, so that every run's move is the first into its namespace. */
async function slowPathRun(world: RealWorld, r: number, samples: Record<SlowPath, SlowPathRun[]>): Promise<void> {
    const { env, bench } = world;
    const shop = await workloadNamespace(env, `slow${r}-shop`);
    const store = await workloadNamespace(env, `slow${r}-store`);
    const west = await siteNamespace(env, `slow${r}-west`);
    const east = await siteNamespace(env, `slow${r}-east`);
    let args: AttachedConnectorPairArgs = {
        connectorNamespace: shop,
        siteNamespace: west,
        port: PORT,
        selector: SELECTOR,
    };
    const stack = await benchStack(bench, `slow-${r}`, async () => void new AttachedConnectorPair("backend", args));
    const watches = [...(await watchPairs(env, shop, west)), ...(await watchPairs(env, store, east))];
    const changes: Record<SlowPath, () => void> = {
        create: () => undefined,
        rename: () => (args = { ...args, objectName: "backend-renamed" }),
        moveSite: () => (args = { ...args, siteNamespace: east }),
        moveWorkload: () => (args = { ...args, connectorNamespace: store }),
        destroy: () => undefined,
    };
    try {
        for (const path of PATHS) {
            changes[path]();
            for (const w of watches) w.reset();
            let start = 0;
            const { onEvent, steps } = recorder(() => start);
            start = Date.now();
            const began = process.hrtime.bigint();
            await (path === "destroy" ? stack.destroy({ onEvent }) : stack.up({ onEvent }));
            const seconds = Number(process.hrtime.bigint() - began) / 1e9;
            samples[path].push({ seconds, steps: steps(), objects: objectTimes(watches, start) });
        }
    } finally {
        for (const w of watches) w.stop();
    }
}

export async function slowPaths(
    world: RealWorld,
    runs: number,
    log: (line: string) => void,
): Promise<SlowPathResult[]> {
    const samples = Object.fromEntries(PATHS.map((p) => [p, [] as SlowPathRun[]])) as Record<SlowPath, SlowPathRun[]>;
    for (let r = 0; r < runs; r++) {
        await slowPathRun(world, r, samples);
        log(`slow paths: run ${r + 1}/${runs}`);
    }
    return PATHS.map((path) => summarize(path, samples[path]));
}

function summarize(path: SlowPath, runs: SlowPathRun[]): SlowPathResult {
    const phase = (pick: (run: SlowPathRun) => number | undefined) => {
        const values = runs.map(pick).filter((v): v is number => v !== undefined);
        return values.length === runs.length ? spread(values) : undefined;
    };
    const max = (values: (number | undefined)[]) =>
        values.some((v) => v !== undefined)
            ? Math.max(...values.filter((v): v is number => v !== undefined))
            : undefined;
    const min = (values: (number | undefined)[]) =>
        values.some((v) => v !== undefined)
            ? Math.min(...values.filter((v): v is number => v !== undefined))
            : undefined;
    return {
        path,
        seconds: spread(runs.map((r) => r.seconds)),
        phases: {
            lastReady: phase((r) => max(r.objects.filter((o) => o.deleting === undefined).map((o) => o.ready))),
            deleteRequested: phase((r) => min(r.objects.map((o) => o.deleting))),
            lastDeleted: phase((r) => max(r.objects.map((o) => o.deleted))),
        },
        finalizers: [...new Set(runs.flatMap((r) => r.objects.flatMap((o) => o.finalizers ?? [])))].sort(),
        example: runs[0],
    };
}
