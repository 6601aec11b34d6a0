import { describe } from "../lib/objects";
import { attachedPolicy, globMatches } from "../lib/policy";

export interface NamespaceGrantsConfig {
    /** Site namespace -> glob patterns of the connector namespaces allowed to attach to it. */
    grants?: Record<string, string[]>;
}

export const namespaceGrants = attachedPolicy<NamespaceGrantsConfig>({
    name: "skupper-namespace-grants",
    description: "When grants are configured, an attached connector may only join a connector namespace to a site namespace that grants it; with no grants configured nothing is reported.",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            grants: {
                type: "object",
                additionalProperties: { type: "array", items: { type: "string" } },
                default: {},
                description: "A map from site namespace to the connector namespaces (glob patterns, * and ?) allowed to attach to it.",
            },
        },
    },
    kinds: ["AttachedConnector", "AttachedConnectorBinding"],
    check: (object, config, report) => {
        const grants = config.grants ?? {};
        if (Object.keys(grants).length === 0) return;
        const [connectorNamespace, siteNamespace] = object.kind === "AttachedConnector"
            ? [object.namespace, object.spec.siteNamespace]
            : [object.spec.connectorNamespace, object.namespace];
        const allowed = grants[siteNamespace] ?? [];
        if (!allowed.some((pattern) => globMatches(pattern, connectorNamespace))) {
            const granted = allowed.length > 0 ? `it grants only ${allowed.join(", ")}` : "it grants no connector namespace";
            report(`${describe(object)}: site namespace '${siteNamespace}' does not grant connector namespace '${connectorNamespace}' (${granted}).`);
        }
    },
});
