// Moving the pair to another site namespace or another workload namespace, and renaming
// it, each end with exactly one correct, ready pair and nothing left behind in the
// namespaces it left.
import * as assert from "node:assert/strict";
import { createDeployment, waitForReadyPods } from "../../localenv/cluster/objects";
import { e2e } from "../harness";
import { condition, live, objectsIn, pairWorld, upSettled } from "./pairWorld";

describe("lifecycle: namespace moves and renames", function () {
    this.timeout(600000);

    it("moves the binding to a new siteNamespace and updates the connector in place", async () => {
        const { env } = e2e();
        const world = await pairWorld("move-site");
        assert.equal((await upSettled(world.stack)).ready, true);
        const connectorUid = (await live("AttachedConnector", world.shop, "backend"))?.metadata.uid;
        const east = env.namespace("move-site-east");
        await env.createNamespaces(east);
        await env.createSite(east);

        world.args.siteNamespace = east;
        assert.equal((await upSettled(world.stack)).ready, true);
        const all = [world.shop, world.west, east];
        assert.deepEqual(await objectsIn("AttachedConnector", all), [`${world.shop}/backend`]);
        assert.deepEqual(await objectsIn("AttachedConnectorBinding", all), [`${east}/backend`]);
        const connector = await live("AttachedConnector", world.shop, "backend");
        assert.equal(connector?.spec.siteNamespace, east);
        assert.equal(connector?.metadata.uid, connectorUid, "the connector is updated in place");
        assert.equal(condition(connector, "Ready")?.status, "True");
        assert.equal(condition(await live("AttachedConnectorBinding", east, "backend"), "Configured")?.status, "True");
    });

    it("moves the connector to a new connectorNamespace and replaces the binding, so Skupper finds the moved connector at once", async () => {
        const { env, kube } = e2e();
        const world = await pairWorld("move-shop");
        assert.equal((await upSettled(world.stack)).ready, true);
        const bindingUid = (await live("AttachedConnectorBinding", world.west, "backend"))?.metadata.uid;
        const store = env.namespace("move-shop-store");
        await env.createNamespaces(store);
        await createDeployment(kube, store, "backend", { app: "backend" });
        await waitForReadyPods(kube, store, "app=backend", 1);

        world.args.connectorNamespace = store;
        assert.equal((await upSettled(world.stack)).ready, true);
        const all = [world.shop, world.west, store];
        assert.deepEqual(await objectsIn("AttachedConnector", all), [`${store}/backend`]);
        assert.deepEqual(await objectsIn("AttachedConnectorBinding", all), [`${world.west}/backend`]);
        const binding = await live("AttachedConnectorBinding", world.west, "backend");
        assert.equal(binding?.spec.connectorNamespace, store);
        assert.notEqual(binding?.metadata.uid, bindingUid, "the binding is replaced");
        assert.equal(condition(binding, "Configured")?.status, "True");
        assert.equal(condition(await live("AttachedConnector", store, "backend"), "Ready")?.status, "True");
    });

    it("renames the pair: the old objects are gone from both namespaces, the new ones ready", async () => {
        const world = await pairWorld("rename");
        assert.equal((await upSettled(world.stack)).ready, true);

        world.args.objectName = "backend-renamed";
        const outputs = await upSettled(world.stack);
        assert.equal(outputs.ready, true);
        assert.equal(outputs.objectName, "backend-renamed");
        assert.equal(outputs.routingKey, "backend-renamed", "the routing key follows the name when not set");
        const all = [world.shop, world.west];
        assert.deepEqual(await objectsIn("AttachedConnector", all), [`${world.shop}/backend-renamed`]);
        assert.deepEqual(await objectsIn("AttachedConnectorBinding", all), [`${world.west}/backend-renamed`]);
    });
});
