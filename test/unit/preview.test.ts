// AttachedConnectorPair in a preview (a dry run) with an argument that is not known yet:
// each field of the two halves is derived on its own, so the others stay known.
import * as assert from "node:assert/strict";
import type * as pulumi from "@pulumi/pulumi";
import { BINDING, CONNECTOR, ofType, resetMocks, settle, setUpMocks, unknownInPreview } from "./mocks";

const base = {
    connectorNamespace: "shop",
    siteNamespace: "west",
    port: 8080,
    selector: "app=backend",
};

describe("AttachedConnectorPair in a preview, with one argument not known yet", () => {
    let m: typeof import("../../provider/index");
    let unknown: typeof pulumi.unknown;

    before(async () => {
        await setUpMocks({ preview: true });
        m = await import("../../provider/index");
        unknown = (await import("@pulumi/pulumi")).unknown;
    });
    beforeEach(resetMocks);
    after(() => setUpMocks());

    /** Plans a pair in the preview; returns the inputs both halves were registered with. */
    async function plan(args: Record<string, unknown>) {
        const pair = new m.AttachedConnectorPair("backend", { ...base, objectName: "orders", ...args } as any);
        await settle(pair.ready);
        const [connector] = ofType(CONNECTOR);
        const [binding] = ofType(BINDING);
        assert.ok(connector && binding, "both halves are planned");
        return { connector: connector.inputs, binding: binding.inputs };
    }

    it("leaves every field but the selector known when only the selector is unknown", async () => {
        const { connector, binding } = await plan({ selector: unknownInPreview("selector-source") });
        assert.equal(connector.spec.selector, unknown);
        assert.deepEqual([connector.metadata.name, connector.metadata.namespace], ["orders", "shop"]);
        assert.deepEqual([connector.spec.siteNamespace, connector.spec.port], ["west", 8080]);
        assert.equal(binding.metadata.annotations["pulumi.com/waitFor"], "condition=Configured");
        assert.deepEqual([binding.metadata.name, binding.metadata.namespace], ["orders", "west"]);
        // The digest of the connector's spec (in the binding's settings) waits for the selector.
        assert.deepEqual(binding.spec, {
            connectorNamespace: "shop",
            routingKey: "orders",
            settings: { "pulumi.skupper.io/connector-digest": unknown },
        });
    });

    it("leaves the names unknown, and the rest known, when only objectName is unknown", async () => {
        const { connector, binding } = await plan({
            objectName: unknownInPreview("name-source"),
            routingKey: "orders",
        });
        assert.equal(connector.metadata.name, unknown);
        assert.equal(binding.metadata.name, unknown);
        assert.equal(connector.metadata.namespace, "shop");
        assert.deepEqual(connector.spec, { siteNamespace: "west", port: 8080, selector: "app=backend" });
        assert.deepEqual([binding.spec.connectorNamespace, binding.spec.routingKey], ["shop", "orders"]);
        assert.match(binding.spec.settings["pulumi.skupper.io/connector-digest"], /^[0-9a-f]{16}$/);
    });
});
