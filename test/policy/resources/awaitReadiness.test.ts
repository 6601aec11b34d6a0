import * as assert from "node:assert/strict";
import { awaitReadiness } from "../../../policy/resources/awaitReadiness";
import { binding, connector, remediateResource, validateResource } from "../helper";

describe("skupper-await-readiness", () => {
    it("remediates by default", () => assert.equal(awaitReadiness.enforcementLevel, "remediate"));

    it("leaves objects that already wait alone", async () => {
        assert.equal(await remediateResource(awaitReadiness, connector("shop", "x")), undefined);
        assert.deepEqual(await validateResource(awaitReadiness, binding("west", "x")), []);
    });

    it("leaves objects that deliberately skip the await alone", async () => {
        assert.equal(
            await remediateResource(awaitReadiness, connector("shop", "x", {}, { "pulumi.com/skipAwait": "true" })),
            undefined,
        );
    });

    it("adds condition=Ready to a connector without one, keeping its other annotations", async () => {
        const fixed = await remediateResource(awaitReadiness, connector("shop", "x", {}, { team: "shop" }));
        assert.deepEqual(fixed?.metadata.annotations, { team: "shop", "pulumi.com/waitFor": "condition=Ready" });
        assert.equal(fixed?.spec.port, 8080);
    });

    it("adds condition=Configured to a binding without one", async () => {
        const fixed = await remediateResource(awaitReadiness, binding("west", "x", {}, {}));
        assert.deepEqual(fixed?.metadata.annotations, { "pulumi.com/waitFor": "condition=Configured" });
    });

    it("reports the missing annotation when run as a validation", async () => {
        assert.deepEqual(await validateResource(awaitReadiness, binding("west", "x", {}, {})), [
            "AttachedConnectorBinding 'west/x': has no pulumi.com/waitFor annotation, so Pulumi will not wait for Skupper; add pulumi.com/waitFor: condition=Configured.",
        ]);
    });
});
