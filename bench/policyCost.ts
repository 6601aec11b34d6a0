// The policy pack's cost: every enabled policy (resource and stack) over a stack of N
// resources (N/2 matching pairs), timed in this process.
import { policies } from "../policy/policies";
import { pair, Resource, validatePack } from "../test/policy/helper";

function stackOf(n: number): Resource[] {
    const resources: Resource[] = [];
    for (let i = 0; resources.length < n; i++) resources.push(...pair(`service-${i}`));
    return resources;
}

/** Milliseconds to run the whole pack over N resources (best of `runs`), and the violations found. */
export async function policyCost(n: number, runs = 3): Promise<{ ms: number; violations: number }> {
    const resources = stackOf(n);
    let best = Infinity;
    let violations = 0;
    for (let r = 0; r < runs; r++) {
        const start = process.hrtime.bigint();
        violations = (await validatePack(policies, resources)).length;
        best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
    }
    return { ms: best, violations };
}
