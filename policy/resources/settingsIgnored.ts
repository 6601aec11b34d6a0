import { CONNECTOR_DIGEST_SETTING } from "@skupper-pulumi/attached-connector/halves";
import { describe } from "../lib/objects";
import { attachedPolicy } from "../lib/policy";

export const settingsIgnored = attachedPolicy({
    name: "skupper-settings-ignored",
    description: `Flags non-empty settings on attached connectors and bindings: Skupper accepts them but never reads them. The component's own ${CONNECTOR_DIGEST_SETTING} (which makes a change of the connector awaited on its binding) is not flagged.`,
    enforcementLevel: "advisory",
    kinds: ["AttachedConnector", "AttachedConnectorBinding"],
    check: (object, _config, report) => {
        const keys = Object.keys(object.spec.settings ?? {}).filter((k) => k !== CONNECTOR_DIGEST_SETTING);
        if (keys.length > 0) {
            report(
                `${describe(object)}: spec.settings (${keys.join(", ")}) has no effect; Skupper ignores settings on attached connectors.`,
            );
        }
    },
});
