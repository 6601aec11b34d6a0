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

/** The pairs whose two halves are both in the stack: same name, each in the namespace the other names. */
export function stackPairs(args: StackValidationArgs): { connector: SkupperObject; binding: SkupperObject }[] {
    const { connectors, bindings } = stackObjects(args);
    const byPlace = groupBy(bindings, (b) => (b.name === undefined ? undefined : `${b.namespace}/${b.name}`));
    const pairs: { connector: SkupperObject; binding: SkupperObject }[] = [];
    for (const connector of connectors) {
        if (connector.name === undefined) continue;
        const binding = byPlace
            .get(`${connector.spec.siteNamespace}/${connector.name}`)
            ?.find((b) => b.spec.connectorNamespace === connector.namespace);
        if (binding) pairs.push({ connector, binding });
    }
    return pairs;
}
