import { ReportViolation, StackValidationArgs } from "@pulumi/policy";
import { Listener, readListener } from "./listeners";
import { ObjectKind, readObject, SkupperObject } from "./objects";

/** The AttachedConnectors, bindings and Listeners of a stack, in one pass over its resources. */
export function stackObjects(args: StackValidationArgs): {
    connectors: SkupperObject[];
    bindings: SkupperObject[];
    listeners: Listener[];
} {
    const connectors: SkupperObject[] = [];
    const bindings: SkupperObject[] = [];
    const listeners: Listener[] = [];
    for (const resource of args.resources) {
        const object = readObject(resource);
        if (object?.kind === "AttachedConnector") connectors.push(object);
        else if (object?.kind === "AttachedConnectorBinding") bindings.push(object);
        else {
            const listener = readListener(resource);
            if (listener) listeners.push(listener);
        }
    }
    return { connectors, bindings, listeners };
}

/** Groups objects by a key, skipping those without one. */
export function groupBy<T extends SkupperObject<ObjectKind>>(
    objects: T[],
    key: (o: T) => string | undefined,
): Map<string, T[]> {
    const groups = new Map<string, T[]>();
    for (const object of objects) {
        const k = key(object);
        if (k === undefined) continue;
        const group = groups.get(k);
        if (group) group.push(object);
        else groups.set(k, [object]);
    }
    return groups;
}

/**
 * Groups objects by a key and reports, on each object after the first of its group, that
 * it shares the key with the first: `message(other, first, key)`.
 */
export function reportShared<T extends SkupperObject<ObjectKind>>(
    objects: T[],
    key: (o: T) => string | undefined,
    message: (other: T, first: T, key: string) => string,
    report: ReportViolation,
): void {
    for (const [k, [first, ...rest]] of groupBy(objects, key)) {
        for (const other of rest) report(message(other, first, k), other.urn);
    }
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
