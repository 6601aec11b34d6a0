import { describe } from "../lib/objects";
import { attachedPolicy } from "../lib/policy";

export const exposePodsByName = attachedPolicy({
    name: "skupper-expose-pods-by-name",
    description:
        "Flags AttachedConnectorBindings with exposePodsByName, which publishes every selected pod under its own address as well.",
    enforcementLevel: "advisory",
    kinds: ["AttachedConnectorBinding"],
    check: (binding, _config, report) => {
        if (binding.spec.exposePodsByName === true) {
            report(
                `${describe(binding)}: spec.exposePodsByName is true, so each selected pod is also reachable by name across the network.`,
            );
        }
    },
});
