// skupper-listener-served: within one stack, each Listener's routing key is served by an
// AttachedConnectorBinding and each binding's routing key is consumed by a Listener.
// Advisory: the consuming and the serving team often keep their objects in different
// stacks, and then the other side is simply not visible here.
import { StackValidationPolicy } from "@pulumi/policy";
import { describe } from "../lib/objects";
import { groupBy, stackObjects } from "../lib/stackObjects";

export const listenerServed: StackValidationPolicy = {
    name: "skupper-listener-served",
    description:
        "Flags a Listener whose routing key no AttachedConnectorBinding in the stack serves (its connections have nowhere to go), and an AttachedConnectorBinding whose routing key no Listener in the stack consumes (nothing reaches its workload, and its Ready condition waits for a Listener). Either may be fine when the other side is declared in another stack; plain Skupper Connectors are not counted as serving a key.",
    enforcementLevel: "advisory",
    validateStack: (args, report) => {
        const { bindings, listeners } = stackObjects(args);
        const served = groupBy(bindings, (b) => b.spec.routingKey);
        const consumed = groupBy(listeners, (l) => l.spec.routingKey);
        for (const [key, group] of consumed) {
            if (served.has(key)) continue;
            for (const listener of group) {
                report(
                    `${describe(listener)}: no AttachedConnectorBinding in this stack serves routing key '${key}'; that may be fine when another stack declares the binding (or a Skupper Connector serves the key), otherwise add the binding or correct spec.routingKey.`,
                    listener.urn,
                );
            }
        }
        for (const [key, group] of served) {
            if (consumed.has(key)) continue;
            for (const binding of group) {
                report(
                    `${describe(binding)}: no Listener in this stack consumes routing key '${key}'; that may be fine when another stack declares the Listener, otherwise add a Listener or correct spec.routingKey.`,
                    binding.urn,
                );
            }
        }
    },
};
