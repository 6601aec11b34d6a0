// skupper-use-client-cert-ignored: flags AttachedConnectors that ask for mutual TLS,
// which Skupper 2.2.1 does not apply to attached connectors.
import { checkClientCert } from "@skupper-pulumi/attached-connector/validation";
import { describe } from "../lib/objects";
import { attachedPolicy } from "../lib/policy";

export const useClientCertIgnored = attachedPolicy({
    name: "skupper-use-client-cert-ignored",
    description:
        "Flags AttachedConnectors with useClientCert: true. Skupper 2.2.1 does not apply useClientCert to attached connectors: the router's SSL profile it points at is never created, while the status still says Ready.",
    enforcementLevel: "advisory",
    kinds: ["AttachedConnector"],
    check: (connector, _config, report) => {
        if (connector.spec.useClientCert !== true) return;
        const missing = checkClientCert(connector.spec.useClientCert, connector.spec.tlsCredentials);
        report(
            `${describe(connector)}: spec.useClientCert is true, but Skupper 2.2.1 does not apply useClientCert to attached connectors: the router's SSL profile it points at is never created, while the status still says Ready.${missing ? ` Also, spec.useClientCert ${missing}.` : ""}`,
        );
    },
});
