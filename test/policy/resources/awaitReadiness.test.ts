import * as assert from "node:assert/strict";
import { awaitReadiness } from "../../../policy/resources/awaitReadiness";
import { binding, connector, remediateResource, validateResource } from "../helper";

describe("skupper-await-readiness", () => {
    it("remediates by default", () => assert.equal(awaitReadiness.enforcementLevel, "remediate"));

    it("leaves bindings that already wait alone", async () => {
        assert.equal(await remediateResource(awaitReadiness, binding("west", "x")), undefined);
        assert.deepEqual(await validateResource(awaitReadiness, binding("west", "x")), []);
    });

    it("leaves bindings that deliberately skip the await alone", async () => {
        const skipping = binding("west", "x", {}, { "pulumi.com/skipAwait": "true" });
        assert.equal(await remediateResource(awaitReadiness, skipping), undefined);
    });

    it("adds condition=Configured to a binding without one, keeping its other annotations", async () => {
        const fixed = await remediateResource(awaitReadiness, binding("west", "x", {}, { team: "west" }));
        assert.deepEqual(fixed?.metadata.annotations, { team: "west", "pulumi.com/waitFor": "condition=Configured" });
        assert.equal(fixed?.spec.routingKey, "x");
    });

    it("leaves a connector without a wait alone: its binding's wait covers it", async () => {
        assert.equal(await remediateResource(awaitReadiness, connector("shop", "x", {}, {})), undefined);
        assert.deepEqual(await validateResource(awaitReadiness, connector("shop", "x", {}, {})), []);
    });

    it("reports the missing annotation when run as a validation", async () => {
        assert.deepEqual(await validateResource(awaitReadiness, binding("west", "x", {}, {})), [
            "AttachedConnectorBinding 'west/x': has no pulumi.com/waitFor annotation, so Pulumi will not wait for Skupper; add pulumi.com/waitFor: condition=Configured.",
        ]);
    });
});
