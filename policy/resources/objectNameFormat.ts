import { checkObjectName } from "../../provider/validation/rules";
import { describe } from "../lib/objects";
import { attachedPolicy } from "../lib/policy";

export const objectNameFormat = attachedPolicy({
    name: "skupper-object-name-format",
    description: "AttachedConnectors and bindings must have an explicit name that is a DNS-1123 subdomain; the two halves of a pair match by name, so an auto-generated name can never match.",
    enforcementLevel: "mandatory",
    kinds: ["AttachedConnector", "AttachedConnectorBinding"],
    check: (object, _config, report) => {
        if (object.name === undefined) {
            report(`${describe(object)}: metadata.name is not set, so Pulumi adds a random suffix and the other half of the pair, which must have the same name, can never match. Set metadata.name.`);
            return;
        }
        const problem = checkObjectName(object.name);
        if (problem) report(`${describe(object)}: metadata.name ${problem}.`);
    },
});
