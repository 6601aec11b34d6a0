import { describe, peerField, peerNamespace } from "../lib/objects";
import { attachedPolicy } from "../lib/policy";

export const noSelfAttachment = attachedPolicy({
    name: "skupper-no-self-attachment",
    description:
        "An AttachedConnector's siteNamespace, and a binding's connectorNamespace, must be another namespace than its own (use a Connector within one namespace).",
    enforcementLevel: "mandatory",
    kinds: ["AttachedConnector", "AttachedConnectorBinding"],
    check: (object, _config, report) => {
        if (peerNamespace(object) === object.namespace) {
            report(
                `${describe(object)}: ${peerField(object)} '${object.namespace}' is its own namespace; an attached connector joins two different namespaces.`,
            );
        }
    },
});
