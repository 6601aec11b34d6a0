import { StackValidationPolicy } from "@pulumi/policy";
import { describe, SkupperObject } from "../lib/objects";
import { groupBy, stackObjects } from "../lib/stackObjects";

const at = (namespace: string | undefined, name: string | undefined) =>
    namespace === undefined || name === undefined ? undefined : `${namespace}/${name}`;

export const pairing: StackValidationPolicy = {
    name: "skupper-attached-connector-pairing",
    description: "Every AttachedConnector has a binding of the same name in its siteNamespace whose connectorNamespace points back, and every binding has its connector. With splitOwnership, a missing half is allowed (another stack owns it) but references that disagree are still violations.",
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
        const connectorAt = groupBy(connectors, (c) => at(c.namespace, c.name));
        const bindingAt = groupBy(bindings, (b) => at(b.namespace, b.name));
        // Who claims whom: the objects that name a peer at a given place.
        const connectorsClaiming = groupBy(connectors, (c) => at(c.spec.siteNamespace, c.name));
        const bindingsClaiming = groupBy(bindings, (b) => at(b.spec.connectorNamespace, b.name));

        const check = (object: SkupperObject, peers: Map<string, SkupperObject[]>, claimants: Map<string, SkupperObject[]>,
            peerKind: string, ownField: string, peerField: string, peerNamespace: string | undefined) => {
            const peer = peers.get(at(peerNamespace, object.name) ?? "")?.[0];
            if (peer) {
                const back = peer.kind === "AttachedConnector" ? peer.spec.siteNamespace : peer.spec.connectorNamespace;
                if (back !== object.namespace) {
                    report(`${describe(object)}: its other half, ${describe(peer)}, has ${peerField} '${back}', not '${object.namespace}'.`, object.urn);
                }
                return;
            }
            const claimant = claimants.get(at(object.namespace, object.name) ?? "")?.[0];
            if (claimant) {
                report(`${describe(object)}: ${ownField} is '${peerNamespace}', but its other half is ${describe(claimant)}.`, object.urn);
            } else if (!splitOwnership) {
                report(`${describe(object)}: no ${peerKind} named '${object.name}' in namespace '${peerNamespace}' (${ownField}); the pair is missing its other half.`, object.urn);
            }
        };
        for (const c of connectors) {
            check(c, bindingAt, bindingsClaiming, "AttachedConnectorBinding", "spec.siteNamespace", "spec.connectorNamespace", c.spec.siteNamespace);
        }
        for (const b of bindings) {
            check(b, connectorAt, connectorsClaiming, "AttachedConnector", "spec.connectorNamespace", "spec.siteNamespace", b.spec.connectorNamespace);
        }
    },
};
