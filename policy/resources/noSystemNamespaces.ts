import { describe, Kind, LinkKind, peerField, peerNamespace } from "../lib/objects";
import { attachedPolicy } from "../lib/policy";

export const systemNamespaces = ["kube-system", "kube-public", "kube-node-lease"];

export const noSystemNamespaces = attachedPolicy<{ extraNamespaces?: string[] }, Kind | "Listener" | LinkKind>({
    name: "skupper-no-system-namespaces",
    description:
        "Neither half of an attached connector may live in, or point at, a system namespace (kube-system, kube-public, kube-node-lease, or the configured extraNamespaces), and no Listener may live in one, nor an AccessGrant, AccessToken or Link: a link joins its namespace's site to another site's network.",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            extraNamespaces: {
                type: "array",
                items: { type: "string" },
                default: [],
                description: "More namespaces to treat as system namespaces.",
            },
        },
    },
    kinds: ["AttachedConnector", "AttachedConnectorBinding", "Listener", "AccessGrant", "AccessToken", "Link"],
    check: (object, config, report) => {
        const forbidden = new Set([...systemNamespaces, ...(config.extraNamespaces ?? [])]);
        if (forbidden.has(object.namespace)) {
            report(`${describe(object)}: lives in the system namespace '${object.namespace}'.`);
        }
        // Only the halves name another namespace.
        if (object.kind !== "AttachedConnector" && object.kind !== "AttachedConnectorBinding") return;
        const peer = peerNamespace(object);
        if (peer !== undefined && forbidden.has(peer)) {
            report(`${describe(object)}: ${peerField(object)} is the system namespace '${peer}'.`);
        }
    },
});
