// skupper-routing-key-ownership: each connector namespace may publish only under its own
// routing-key prefixes. Without prefixes it checks nothing and notes that for
// skupper-unconfigured-policies.
import { StackValidationPolicy } from "@pulumi/policy";
import { ownsRoutingKey, ruleDescriptions } from "@skupper-pulumi/attached-connector/validation";
import { describe } from "../lib/objects";
import { stackObjects } from "../lib/stackObjects";
import { noteUnconfigured } from "../lib/unconfigured";

export interface RoutingKeyOwnershipConfig {
    /** Connector namespace -> routing-key prefixes its bindings may use. */
    prefixes?: Record<string, string[]>;
}

const name = "skupper-routing-key-ownership";

export const routingKeyOwnership: StackValidationPolicy = {
    name,
    description: `When prefixes are configured, a binding's routing key must be owned by a prefix of its connector namespace, so one team cannot claim another's service name: ${ruleDescriptions.routingKeyPrefix}. A connector namespace with no entry may use no key. With no prefixes configured nothing is checked (skupper-unconfigured-policies says so).`,
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            prefixes: {
                type: "object",
                additionalProperties: { type: "array", items: { type: "string" } },
                default: {},
                description: `A map from connector namespace to the routing-key prefixes its bindings may use; ${ruleDescriptions.routingKeyPrefix}.`,
            },
        },
    },
    validateStack: (args, report) => {
        const prefixes = args.getConfig<RoutingKeyOwnershipConfig>().prefixes ?? {};
        const { bindings } = stackObjects(args);
        if (Object.keys(prefixes).length === 0) {
            if (bindings.length > 0) {
                noteUnconfigured(
                    name,
                    `${name} has no prefixes configured, so it checked nothing: any binding may use any routing key. Set its prefixes (connector namespace -> routing-key prefixes) in the policy pack's config.`,
                );
            }
            return;
        }
        for (const binding of bindings) {
            const key: string = binding.spec.routingKey ?? "";
            const owned = prefixes[binding.spec.connectorNamespace] ?? [];
            if (!owned.some((prefix) => ownsRoutingKey(prefix, key))) {
                const allowed =
                    owned.length > 0 ? `allowed prefixes: ${owned.join(", ")}` : "it owns no routing-key prefix";
                report(
                    `${describe(binding)}: routing key '${key}' is outside connector namespace '${binding.spec.connectorNamespace}''s prefixes (${allowed}).`,
                    binding.urn,
                );
            }
        }
    },
};
