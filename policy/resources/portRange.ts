import { checkPort } from "@skupper-pulumi/attached-connector/validation";
import { describe } from "../lib/objects";
import { attachedPolicy } from "../lib/policy";

export const portRange = attachedPolicy({
    name: "skupper-port-range",
    description: "An AttachedConnector's or a Listener's port must be an integer from 1 to 65535.",
    enforcementLevel: "mandatory",
    kinds: ["AttachedConnector", "Listener"],
    check: (object, _config, report) => {
        const problem = checkPort(object.spec.port);
        if (problem) report(`${describe(object)}: spec.port ${problem}.`);
    },
});
