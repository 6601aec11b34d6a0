import { checkPort } from "@skupper-pulumi/attached-connector/validation";
import { describe } from "../lib/objects";
import { attachedPolicy } from "../lib/policy";

export const portRange = attachedPolicy({
    name: "skupper-port-range",
    description: "An AttachedConnector's port must be an integer from 1 to 65535.",
    enforcementLevel: "mandatory",
    kinds: ["AttachedConnector"],
    check: (connector, _config, report) => {
        const problem = checkPort(connector.spec.port);
        if (problem) report(`${describe(connector)}: spec.port ${problem}.`);
    },
});
