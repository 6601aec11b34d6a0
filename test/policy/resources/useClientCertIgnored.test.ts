// skupper-use-client-cert-ignored: useClientCert is not applied by Skupper 2.2.1.
import * as assert from "node:assert/strict";
import { useClientCertIgnored } from "../../../policy/resources/useClientCertIgnored";
import { binding, connector, validateResource } from "../helper";

describe("skupper-use-client-cert-ignored", () => {
    it("is advisory", () => assert.equal(useClientCertIgnored.enforcementLevel, "advisory"));

    it("passes connectors without useClientCert, or with it false", async () => {
        assert.deepEqual(
            await validateResource(useClientCertIgnored, connector("shop", "x", { tlsCredentials: "x-tls" })),
            [],
        );
        assert.deepEqual(
            await validateResource(useClientCertIgnored, connector("shop", "x", { useClientCert: false })),
            [],
        );
    });

    it("flags useClientCert: true, which Skupper 2.2.1 does not apply to attached connectors", async () => {
        assert.deepEqual(
            await validateResource(
                useClientCertIgnored,
                connector("shop", "x", { useClientCert: true, tlsCredentials: "x-tls" }),
            ),
            [
                "AttachedConnector 'shop/x': spec.useClientCert is true, but Skupper 2.2.1 does not apply useClientCert to attached connectors: the router's SSL profile it points at is never created, while the status still says Ready.",
            ],
        );
    });

    it("also says when there is no tlsCredentials to take a client certificate from", async () => {
        const [violation] = await validateResource(
            useClientCertIgnored,
            connector("shop", "x", { useClientCert: true }),
        );
        assert.match(
            violation,
            /still says Ready\. Also, spec\.useClientCert is true but tlsCredentials is not set; expected tlsCredentials naming the Secret/,
        );
    });

    it("looks at AttachedConnectors only", async () => {
        assert.deepEqual(
            await validateResource(useClientCertIgnored, binding("west", "x", { useClientCert: true })),
            [],
        );
    });
});
