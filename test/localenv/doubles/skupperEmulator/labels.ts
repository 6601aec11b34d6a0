// Label selectors, matched the way the API server matches them when a pod watcher lists
// the pods of its selector.
import { parseSelector, Requirement } from "../../../../provider/validation/selector";

export type LabelTest = (labels: Record<string, string>) => boolean;

/** Whether labels meet one requirement (an absent key satisfies != and notin). */
function meets(requirement: Requirement, labels: Record<string, string>): boolean {
    const value = labels[requirement.key];
    // `()` lists no values; Kubernetes reads it as the one empty value.
    const values = requirement.values.length ? requirement.values : [""];
    switch (requirement.operator) {
        case "exists":
            return value !== undefined;
        case "!":
            return value === undefined;
        case "=":
        case "==":
        case "in":
            return value !== undefined && values.includes(value);
        case "!=":
        case "notin":
            return value === undefined || !values.includes(value);
        case ">":
            return isInteger(value) && BigInt(value) > BigInt(requirement.values[0]);
        case "<":
            return isInteger(value) && BigInt(value) < BigInt(requirement.values[0]);
    }
}

function isInteger(value: string | undefined): value is string {
    return value !== undefined && /^-?\d+$/.test(value);
}

/**
 * A selector's string form as a test of labels. A selector that does not parse matches
 * nothing: a watcher's list with it fails, so it never reports a pod.
 */
export function labelTest(selector: string): LabelTest {
    const parsed = parseSelector(selector);
    if (parsed.problem !== undefined) return () => false;
    return (labels) => parsed.requirements.every((requirement) => meets(requirement, labels));
}
