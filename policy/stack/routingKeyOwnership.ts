// skupper-routing-key-ownership: each connector namespace may publish only under its own
// routing-key prefixes, and the keys of a prefix may be consumed (by Listeners) only in
// the namespaces it names. Without either it checks nothing and notes that for
// skupper-unconfigured-policies.
import { StackValidationPolicy } from "@pulumi/policy";
import { ownsRoutingKey, ruleDescriptions } from "@skupper-pulumi/attached-connector/validation";
import { describe } from "../lib/objects";
import { globMatches } from "../lib/policy";
import { stackObjects } from "../lib/stackObjects";
import { noteUnconfigured } from "../lib/unconfigured";

export interface RoutingKeyOwnershipConfig {
    /** Connector namespace -> routing-key prefixes its bindings may use. */
    prefixes?: Record<string, string[]>;
    /** Routing-key prefix -> glob patterns of the namespaces whose Listeners may consume the keys it owns. */
    consumers?: Record<string, string[]>;
}

const name = "skupper-routing-key-ownership";

/** The configured prefix that decides who may consume `key`: the longest that owns it, if any. */
function owningPrefix(consumers: Record<string, string[]>, key: string): string | undefined {
    return Object.keys(consumers)
        .filter((prefix) => ownsRoutingKey(prefix, key))
        .sort((a, b) => b.length - a.length)[0];
}

export const routingKeyOwnership: StackValidationPolicy = {
    name,
    description: `When prefixes are configured, a binding's routing key must be owned by a prefix of its connector namespace, so one team cannot claim another's service name: ${ruleDescriptions.routingKeyPrefix}. A connector namespace with no entry may use no key. When consumers are configured, a Listener whose routing key is owned by a configured prefix must be in one of the namespaces that prefix names (when several own the key, the longest decides); keys that no configured prefix owns may be consumed anywhere. With neither configured nothing is checked (skupper-unconfigured-policies says so).`,
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            prefixes: {
                type: "object",
                additionalProperties: { type: "array", items: { type: "string" } },
                default: {},
                description: `A map from connector namespace to the routing-key prefixes its bindings may use; ${ruleDescriptions.routingKeyPrefix}.`,
            },
            consumers: {
                type: "object",
                additionalProperties: { type: "array", items: { type: "string" } },
                default: {},
                description:
                    "A map from routing-key prefix to the namespaces (glob patterns, * and ?) whose Listeners may consume the keys it owns; when several prefixes own a key, the longest decides, and a key no prefix owns may be consumed anywhere.",
            },
        },
    },
    validateStack: (args, report) => {
        const { prefixes = {}, consumers = {} } = args.getConfig<RoutingKeyOwnershipConfig>();
        const { bindings, listeners } = stackObjects(args);
        const checkPublishers = Object.keys(prefixes).length > 0;
        const checkConsumers = Object.keys(consumers).length > 0;
        if (!checkPublishers && !checkConsumers) {
            if (bindings.length > 0 || listeners.length > 0) {
                noteUnconfigured(
                    name,
                    `${name} has no prefixes or consumers configured, so it checked nothing: any binding may publish, and any Listener consume, any routing key. Set its prefixes (connector namespace -> routing-key prefixes) and consumers (routing-key prefix -> consuming-namespace globs) in the policy pack's config.`,
                );
            }
            return;
        }
        for (const binding of checkPublishers ? bindings : []) {
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
        for (const listener of checkConsumers ? listeners : []) {
            const key: string = listener.spec.routingKey ?? "";
            const prefix = owningPrefix(consumers, key);
            if (prefix === undefined) continue;
            const allowed = consumers[prefix];
            if (!allowed.some((pattern) => globMatches(pattern, listener.namespace))) {
                const named = allowed.length > 0 ? allowed.join(", ") : "none";
                report(
                    `${describe(listener)}: namespace '${listener.namespace}' may not consume routing key '${key}', which prefix '${prefix}' owns (consumers: ${named}); move the Listener to a namespace consumers['${prefix}'] names, or add '${listener.namespace}' to consumers['${prefix}'] in the policy pack's config.`,
                    listener.urn,
                );
            }
        }
    },
};
