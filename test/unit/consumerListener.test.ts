// ConsumerListener under Pulumi's standard mocks: the Listener for a routing key in the
// consuming site's namespace, its wait, and its live status.
import * as assert from "node:assert/strict";
import { BINDING, mockedStatus, ofType, readsOf, resetMocks, setUpMocks, valueOf } from "./mocks";

const LISTENER = "kubernetes:skupper.io/v2alpha1:Listener";

describe("ConsumerListener", () => {
    let m: typeof import("../../provider/index");

    before(async () => {
        await setUpMocks();
        m = await import("../../provider/index");
    });
    beforeEach(resetMocks);

    const args = { namespace: "east", routingKey: "backend", port: 8080 };

    it("creates a Listener for the routing key, its Service named after it, waiting for Configured", async () => {
        await valueOf(new m.ConsumerListener("backend", args).ready);
        const [listener] = ofType(LISTENER);
        assert.deepEqual([listener.inputs.metadata.name, listener.inputs.metadata.namespace], ["backend", "east"]);
        assert.deepEqual(listener.inputs.spec, { routingKey: "backend", host: "backend", port: 8080 });
        assert.equal(listener.inputs.metadata.annotations["pulumi.com/waitFor"], "condition=Configured");
    });

    it("waits for a matching connector with awaitConnector, and takes its own host", async () => {
        await valueOf(new m.ConsumerListener("l", { ...args, host: "orders", awaitConnector: true }).ready);
        const [listener] = ofType(LISTENER);
        assert.equal(listener.inputs.spec.host, "orders");
        assert.equal(listener.inputs.metadata.annotations["pulumi.com/waitFor"], "condition=Ready");
    });

    it("reports hasMatchingConnector, and the binding's hasMatchingListener when the binding is named", async () => {
        mockedStatus[LISTENER] = { status: "Ready", hasMatchingConnector: true, conditions: [] };
        mockedStatus[BINDING] = { status: "Ready", hasMatchingListener: true, conditions: [] };
        const site = new m.SiteHalf("backend", { siteNamespace: "west", connectorNamespace: "shop" });
        const listener = new m.ConsumerListener("backend", {
            ...args,
            binding: { namespace: "west", name: "backend" },
        });
        assert.equal(await valueOf(listener.hasMatchingConnector), true);
        assert.equal(await valueOf(listener.bindingHasMatchingListener), true);
        await valueOf(site.ready);
        assert.equal(readsOf(BINDING).length, 2, "the site half's read, and the listener's of the same binding");
    });

    it("reads an object by id alone through a typed resource's get, sending nothing else", async () => {
        await valueOf(new m.SiteHalf("backend", { siteNamespace: "west", connectorNamespace: "shop" }).ready);
        const read = m.AttachedConnectorBinding.get("by-id", "west/backend");
        await valueOf(read.status);
        const [byId] = readsOf(BINDING).filter((r) => r.name === "by-id");
        assert.deepEqual(byId.inputs, {});
    });

    it("reports false for the binding when none is named, and reads none", async () => {
        const listener = new m.ConsumerListener("backend", args);
        assert.equal(await valueOf(listener.bindingHasMatchingListener), false);
        assert.equal(readsOf(BINDING).length, 0);
    });

    it("refuses a host that cannot name a Service, naming the field", () => {
        assert.throws(
            () => new m.ConsumerListener("backend", { ...args, host: "orders.v1" }),
            /host: 'orders.v1' is not valid; expected a DNS-1123 label/,
        );
    });
});
