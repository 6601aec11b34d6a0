import { checkRoutingKey } from "@skupper-pulumi/attached-connector/validation";
import { describe } from "../lib/objects";
import { attachedPolicy } from "../lib/policy";

export const routingKeyFormat = attachedPolicy({
    name: "skupper-routing-key-format",
    description: "An AttachedConnectorBinding's routing key must be a DNS-1123 subdomain.",
    enforcementLevel: "mandatory",
    kinds: ["AttachedConnectorBinding"],
    check: (binding, _config, report) => {
        const key = binding.spec.routingKey;
        const problem = typeof key === "string" ? checkRoutingKey(key) : "is missing";
        if (problem) report(`${describe(binding)}: spec.routingKey ${problem}.`);
    },
});
