import { StackValidationPolicy } from "@pulumi/policy";
import { halves, PARTNER_ELSEWHERE } from "@skupper-pulumi/attached-connector/halves";
import { describe, peerField, peerNamespace, SkupperObject } from "../lib/objects";
import { groupBy, stackObjects } from "../lib/stackObjects";

const at = (namespace: string | undefined, name: string | undefined) =>
    namespace === undefined || name === undefined ? undefined : `${namespace}/${name}`;

/** One team's half, declared alone in its own stack: its partner is declared in another stack. */
const declaredAlone = (o: SkupperObject) => o.annotations[PARTNER_ELSEWHERE] === "true";

export const pairing: StackValidationPolicy = {
    name: "skupper-pairing",
    description: `Every AttachedConnector has a binding of the same name in its siteNamespace whose connectorNamespace points back, and every binding has its connector. A half missing from the stack is allowed when the present half carries the annotation ${PARTNER_ELSEWHERE}: "true" (one team's half, declared alone; its partner is declared in another stack), and for every half with splitOwnership. References that disagree between two halves in the stack are violations in every case, annotation or not.`,
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            splitOwnership: {
                type: "boolean",
                default: false,
                description: "This stack owns only one side of its pairs: do not report a missing half.",
            },
        },
    },
    validateStack: (args, report) => {
        const { splitOwnership = false } = args.getConfig<{ splitOwnership?: boolean }>();
        const { connectors, bindings } = stackObjects(args);
        // Each object by where it is, and by where it says its other half is.
        const where = (o: SkupperObject) => at(o.namespace, o.name);
        const pointsAt = (o: SkupperObject) => at(peerNamespace(o), o.name);
        const located = { connectors: groupBy(connectors, where), bindings: groupBy(bindings, where) };
        const claiming = { connectors: groupBy(connectors, pointsAt), bindings: groupBy(bindings, pointsAt) };

        const check = (
            object: SkupperObject,
            peersAt: Map<string, SkupperObject[]>,
            peersClaiming: Map<string, SkupperObject[]>,
        ) => {
            const target = peerNamespace(object);
            const peer = peersAt.get(pointsAt(object) ?? "")?.[0];
            if (peer) {
                const back = peerNamespace(peer);
                if (back !== object.namespace) {
                    report(
                        `${describe(object)}: its other half, ${describe(peer)}, has ${peerField(peer)} '${back}', not '${object.namespace}'.`,
                        object.urn,
                    );
                }
                return;
            }
            const claimant = peersClaiming.get(where(object) ?? "")?.[0];
            if (claimant) {
                report(
                    `${describe(object)}: ${peerField(object)} is '${target}', but its other half is ${describe(claimant)}.`,
                    object.urn,
                );
            } else if (!splitOwnership && !declaredAlone(object)) {
                report(
                    `${describe(object)}: no ${halves[object.kind].partner} named '${object.name}' in namespace '${target}' (${peerField(object)}), so the pair is missing its other half; declare it in this stack, or, if another stack declares it, annotate this half ${PARTNER_ELSEWHERE}: "true".`,
                    object.urn,
                );
            }
        };
        for (const c of connectors) check(c, located.bindings, claiming.bindings);
        for (const b of bindings) check(b, located.connectors, claiming.connectors);
    },
};
