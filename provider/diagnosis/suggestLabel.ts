// The label a selector probably meant: for a requirement that no pod satisfies
// (`app=crat`), the closest `key=value` the pods do carry (`app=cart`).
import { parseSelector } from "../validation/selector";
import { closestName } from "../validation/suggest";
import { PodFacts } from "./facts";

export function suggestLabel(selector: string, pods: PodFacts[]): string | undefined {
    const parsed = parseSelector(selector);
    if (parsed.problem !== undefined) return undefined;
    const carried = [...new Set(pods.flatMap((p) => Object.entries(p.labels).map(([k, v]) => `${k}=${v}`)))];
    for (const { key, operator, values } of parsed.requirements) {
        if (operator !== "=" && operator !== "==" && operator !== "in") continue;
        for (const value of values) {
            const wanted = `${key}=${value}`;
            if (carried.includes(wanted)) continue;
            const meant = closestName(wanted, carried);
            if (meant) return meant;
        }
    }
    return undefined;
}
