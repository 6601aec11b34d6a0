import { checkType } from "@skupper-pulumi/attached-connector/validation";
import { describe } from "../lib/objects";
import { attachedPolicy } from "../lib/policy";

export const connectorType = attachedPolicy({
    name: "skupper-connector-type",
    description: "An AttachedConnector's type must be empty or tcp, the only type Skupper implements.",
    enforcementLevel: "mandatory",
    kinds: ["AttachedConnector"],
    check: (connector, _config, report) => {
        const problem = checkType(connector.spec.type);
        if (problem) report(`${describe(connector)}: spec.type ${problem}.`);
    },
});
