import * as assert from "node:assert/strict";
import { requireTls } from "../../../policy/resources/requireTls";
import { connector, validateResource } from "../helper";

describe("skupper-require-tls", () => {
    it("is disabled unless enabled", () => {
        assert.equal(requireTls.enforcementLevel, "disabled");
    });

    it("passes a connector with tlsCredentials", async () => {
        assert.deepEqual(await validateResource(requireTls, connector("shop", "x", { tlsCredentials: "x-tls" })), []);
    });

    it("flags a connector without tlsCredentials", async () => {
        assert.deepEqual(await validateResource(requireTls, connector("shop", "x")), [
            "AttachedConnector 'shop/x': spec.tlsCredentials is not set; name a Secret in site namespace 'west' holding the workload's TLS bundle.",
        ]);
    });
});
