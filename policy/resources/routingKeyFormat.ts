import { checkRoutingKey } from "@skupper-pulumi/attached-connector/validation";
import { describe } from "../lib/objects";
import { attachedPolicy } from "../lib/policy";

export const routingKeyFormat = attachedPolicy({
    name: "skupper-routing-key-format",
    description: "An AttachedConnectorBinding's or a Listener's routing key must be a DNS-1123 subdomain.",
    enforcementLevel: "mandatory",
    kinds: ["AttachedConnectorBinding", "Listener"],
    check: (object, _config, report) => {
        const key = object.spec.routingKey;
        const problem = typeof key === "string" ? checkRoutingKey(key) : "is missing";
        if (problem) report(`${describe(object)}: spec.routingKey ${problem}.`);
    },
});
