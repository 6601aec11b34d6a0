import { StackValidationPolicy } from "@pulumi/policy";
import { describe } from "../lib/objects";
import { groupBy, stackObjects } from "../lib/stackObjects";

export const routingKeyUnique: StackValidationPolicy = {
    name: "skupper-routing-key-unique",
    description:
        "Flags AttachedConnectorBindings in one stack that share a routing key: Skupper would balance traffic across both workloads.",
    enforcementLevel: "advisory",
    validateStack: (args, report) => {
        const { bindings } = stackObjects(args);
        const byKey = groupBy(bindings, (b) => b.spec.routingKey);
        for (const [key, group] of byKey) {
            if (group.length < 2) continue;
            const [first, ...rest] = group;
            for (const other of rest) {
                report(`${describe(other)} shares routing key '${key}' with ${describe(first)}.`, other.urn);
            }
        }
    },
};
