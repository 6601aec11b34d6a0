import { StackValidationArgs } from "@pulumi/policy";
import { readObject, SkupperObject } from "./objects";

/** The AttachedConnectors and bindings of a stack, in one pass over its resources. */
export function stackObjects(args: StackValidationArgs): { connectors: SkupperObject[]; bindings: SkupperObject[] } {
    const connectors: SkupperObject[] = [];
    const bindings: SkupperObject[] = [];
    for (const resource of args.resources) {
        const object = readObject(resource);
        if (object?.kind === "AttachedConnector") connectors.push(object);
        else if (object?.kind === "AttachedConnectorBinding") bindings.push(object);
    }
    return { connectors, bindings };
}

/** Groups objects by a key, skipping those without one. */
export function groupBy(
    objects: SkupperObject[],
    key: (o: SkupperObject) => string | undefined,
): Map<string, SkupperObject[]> {
    const groups = new Map<string, SkupperObject[]>();
    for (const object of objects) {
        const k = key(object);
        if (k === undefined) continue;
        const group = groups.get(k);
        if (group) group.push(object);
        else groups.set(k, [object]);
    }
    return groups;
}
