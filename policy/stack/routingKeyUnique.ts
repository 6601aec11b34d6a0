import { StackValidationPolicy } from "@pulumi/policy";
import { describe } from "../lib/objects";
import { reportShared, stackObjects } from "../lib/stackObjects";

export const routingKeyUnique: StackValidationPolicy = {
    name: "skupper-routing-key-unique",
    description:
        "Flags AttachedConnectorBindings in one stack that share a routing key: Skupper would balance traffic across both workloads.",
    enforcementLevel: "advisory",
    validateStack: (args, report) => {
        reportShared(
            stackObjects(args).bindings,
            (b) => b.spec.routingKey,
            (other, first, key) => `${describe(other)} shares routing key '${key}' with ${describe(first)}.`,
            report,
        );
    },
};
