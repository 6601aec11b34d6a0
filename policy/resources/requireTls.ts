import { describe } from "../lib/objects";
import { attachedPolicy } from "../lib/policy";

export const requireTls = attachedPolicy({
    name: "skupper-require-tls",
    description:
        "An AttachedConnector must name tlsCredentials, so that router-to-workload traffic is encrypted. Disabled unless enabled in the pack's config.",
    enforcementLevel: "disabled",
    kinds: ["AttachedConnector"],
    check: (connector, _config, report) => {
        if (!connector.spec.tlsCredentials) {
            report(
                `${describe(connector)}: spec.tlsCredentials is not set; name a Secret in site namespace '${connector.spec.siteNamespace}' holding the workload's TLS bundle.`,
            );
        }
    },
});
