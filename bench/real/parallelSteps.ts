// Whether N new pairs become ready when the engine may run only P steps at once. A wait
// that held a step for a partner with no step of its own would stall there; the pairs
// wait only on the binding, after its connector (the raw objects as the policy pack
// asks). For each P, a fresh stack of the component and of the raw objects, with a short
// timeout, and whether `up` succeeded.
import { benchStack, PROGRAMS, stackVariant } from "./variants";
import { RealWorld, siteNamespace, workloadNamespace } from "./world";

/** Short enough to see a stall, long enough for a pair that can become ready. */
const TIMEOUT_SECONDS = 40;

export interface StepsResult {
    variant: "component" | "raw";
    parallel: number;
    n: number;
    ready: boolean;
    seconds: number;
}

export async function parallelSteps(
    world: RealWorld,
    n: number,
    steps: number[],
    log: (line: string) => void,
): Promise<StepsResult[]> {
    const results: StepsResult[] = [];
    for (const variant of ["component", "raw"] as const) {
        for (const parallel of steps) {
            const shop = await workloadNamespace(world.env, `s-${variant}-${parallel}-shop`);
            const west = await siteNamespace(world.env, `s-${variant}-${parallel}-west`);
            const program = PROGRAMS[variant]({ shop, west, n, timeoutSeconds: TIMEOUT_SECONDS });
            const stack = await benchStack(world.bench, `steps-${variant}-${parallel}`, program);
            const start = Date.now();
            const ready = await stack.up({ parallel }).then(
                () => true,
                () => false,
            );
            results.push({ variant, parallel, n, ready, seconds: (Date.now() - start) / 1000 });
            log(`parallel steps: ${variant}, --parallel ${parallel}, ${n} new pairs: ${ready ? "ready" : "failed"}`);
            await stackVariant(stack).destroy();
        }
    }
    return results;
}
