// skupper-namespace-grants: a site namespace decides which connector namespaces may
// attach to it. Without grants it checks nothing and notes that for
// skupper-unconfigured-policies.
import { describe } from "../lib/objects";
import { attachedPolicy, globMatches } from "../lib/policy";
import { noteUnconfigured } from "../lib/unconfigured";

export interface NamespaceGrantsConfig {
    /** Site namespace -> glob patterns of the connector namespaces allowed to attach to it. */
    grants?: Record<string, string[]>;
}

const name = "skupper-namespace-grants";

export const namespaceGrants = attachedPolicy<NamespaceGrantsConfig>({
    name,
    description:
        "When grants are configured, an attached connector may only join a connector namespace to a site namespace that grants it. With no grants configured nothing is checked (skupper-unconfigured-policies says so).",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            grants: {
                type: "object",
                additionalProperties: { type: "array", items: { type: "string" } },
                default: {},
                description:
                    "A map from site namespace to the connector namespaces (glob patterns, * and ?) allowed to attach to it.",
            },
        },
    },
    kinds: ["AttachedConnector", "AttachedConnectorBinding"],
    check: (object, config, report) => {
        const grants = config.grants ?? {};
        if (Object.keys(grants).length === 0) {
            noteUnconfigured(
                name,
                `${name} has no grants configured, so it checked nothing: any connector namespace may attach to any site namespace. Set its grants (site namespace -> connector-namespace globs) in the policy pack's config.`,
            );
            return;
        }
        const [connectorNamespace, siteNamespace] =
            object.kind === "AttachedConnector"
                ? [object.namespace, object.spec.siteNamespace]
                : [object.spec.connectorNamespace, object.namespace];
        const allowed = grants[siteNamespace] ?? [];
        if (!allowed.some((pattern) => globMatches(pattern, connectorNamespace))) {
            const granted =
                allowed.length > 0 ? `it grants only ${allowed.join(", ")}` : "it grants no connector namespace";
            report(
                `${describe(object)}: site namespace '${siteNamespace}' does not grant connector namespace '${connectorNamespace}' (${granted}).`,
            );
        }
    },
});
