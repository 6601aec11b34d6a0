import { StackValidationPolicy } from "@pulumi/policy";
import { describe } from "../lib/objects";
import { stackObjects } from "../lib/stackObjects";

export interface RoutingKeyOwnershipConfig {
    /** Connector namespace -> routing-key prefixes its bindings may use. */
    prefixes?: Record<string, string[]>;
}

export const routingKeyOwnership: StackValidationPolicy = {
    name: "skupper-routing-key-ownership",
    description: "When prefixes are configured, a binding's routing key must start with one of the prefixes of its connector namespace, so one team cannot claim another's service name. A connector namespace with no entry may use no key. Nothing is reported when no prefixes are configured.",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            prefixes: {
                type: "object",
                additionalProperties: { type: "array", items: { type: "string" } },
                default: {},
                description: "A map from connector namespace to the routing-key prefixes its bindings may use.",
            },
        },
    },
    validateStack: (args, report) => {
        const prefixes = args.getConfig<RoutingKeyOwnershipConfig>().prefixes ?? {};
        if (Object.keys(prefixes).length === 0) return;
        for (const binding of stackObjects(args).bindings) {
            const key: string = binding.spec.routingKey ?? "";
            const owned = prefixes[binding.spec.connectorNamespace] ?? [];
            if (!owned.some((prefix) => key.startsWith(prefix))) {
                const allowed = owned.length > 0 ? `allowed prefixes: ${owned.join(", ")}` : "it owns no routing-key prefix";
                report(`${describe(binding)}: routing key '${key}' is outside connector namespace '${binding.spec.connectorNamespace}''s prefixes (${allowed}).`, binding.urn);
            }
        }
    },
};
