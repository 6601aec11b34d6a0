// The policy pack's cost: every enabled policy (resource and stack) over a stack of N
// resources (N/2 matching pairs), timed in this process. The stack policies group the
// objects once in hash maps (policy/lib/stackObjects.ts groupBy) and look each one up,
// so the whole pack is expected to grow linearly.
import { policies } from "../policy/policies";
import { pair, Resource, validatePack } from "../test/policy/helper";
import { spread, Spread } from "./stats";

function stackOf(n: number): Resource[] {
    const resources: Resource[] = [];
    for (let i = 0; resources.length < n; i++) resources.push(...pair(`service-${i}`));
    return resources;
}

/** Milliseconds to run the whole pack over N resources (median and spread of `runs`), and the violations found. */
export async function policyCost(n: number, runs: number): Promise<{ ms: Spread; violations: number }> {
    const resources = stackOf(n);
    const ms: number[] = [];
    let violations = 0;
    for (let r = 0; r < runs; r++) {
        const start = process.hrtime.bigint();
        violations = (await validatePack(policies, resources)).length;
        ms.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    return { ms: spread(ms), violations };
}
