import { checkSelector } from "@skupper-pulumi/attached-connector/validation";
import { describe } from "../lib/objects";
import { attachedPolicy } from "../lib/policy";

export const selector = attachedPolicy({
    name: "skupper-selector",
    description:
        "An AttachedConnector's selector must be present, non-empty (an empty one selects every pod) and a valid label selector.",
    enforcementLevel: "mandatory",
    kinds: ["AttachedConnector"],
    check: (connector, _config, report) => {
        const value = connector.spec.selector;
        if (typeof value !== "string") {
            report(
                `${describe(connector)}: spec.selector is missing; an AttachedConnector must select its workload's pods.`,
            );
            return;
        }
        const problem = checkSelector(value);
        if (problem) report(`${describe(connector)}: spec.selector ${problem}.`);
    },
});
