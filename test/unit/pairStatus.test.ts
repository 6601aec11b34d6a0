// AttachedConnectorPair's outputs under Pulumi's standard mocks: both halves read back
// after the binding's wait, through their providers, and Skupper's status as they report it.
import * as assert from "node:assert/strict";
import type * as pulumi from "@pulumi/pulumi";
import type * as k8s from "@pulumi/kubernetes";
import { BINDING, CONNECTOR, mockedGeneration, mockedStatus, readsOf, resetMocks, setUpMocks, valueOf } from "./mocks";
import { condition, createPair as create } from "./pairFixture";

describe("AttachedConnectorPair's live status", () => {
    let k8sModule: typeof k8s;

    before(async () => {
        await setUpMocks();
        k8sModule = await import("@pulumi/kubernetes");
    });
    beforeEach(resetMocks);

    it("reads both halves back after the binding's wait, the connector last, through their providers", async () => {
        const connectorProvider = new k8sModule.Provider("workload-team", { kubeconfig: "{}" });
        const { readOptions } = await create({ connectorProvider });
        // Skupper writes the binding's status a moment before the connector's.
        const after = async (type: string) => valueOf((readOptions[type].dependsOn as pulumi.Resource[])[0].urn);
        assert.match(await after(BINDING), /:AttachedConnectorBinding::backend-binding$/);
        assert.match(await after(CONNECTOR), /:AttachedConnectorBinding::backend-binding-status$/);
        const [connectorRead] = readsOf(CONNECTOR);
        const [bindingRead] = readsOf(BINDING);
        assert.deepEqual(
            [connectorRead?.name, bindingRead?.name],
            ["backend-connector-status", "backend-binding-status"],
        );
        assert.match(connectorRead.provider, /::workload-team::/);
        // With the kind and the name, as a refresh reads: without them the Kubernetes provider
        // parses its whole schema for every read.
        assert.deepEqual(connectorRead.inputs, {
            apiVersion: "skupper.io/v2alpha1",
            kind: "AttachedConnector",
            metadata: { name: "backend", namespace: "shop" },
        });
        assert.equal(bindingRead.inputs.kind, "AttachedConnectorBinding");
    });

    it("reports the live status of both halves", async () => {
        mockedStatus[CONNECTOR] = {
            status: "Ready",
            message: "OK",
            conditions: [condition("Configured", "True"), condition("Ready", "True")],
        };
        mockedStatus[BINDING] = {
            status: "Pending",
            message: "Not Matched",
            conditions: [condition("Configured", "True"), condition("Ready", "False", "Not Matched")],
        };
        const { pair } = await create({ objectName: "orders", routingKey: "orders-v1" });
        assert.equal(await valueOf(pair.objectName), "orders");
        assert.equal(await valueOf(pair.routingKey), "orders-v1");
        assert.equal(await valueOf(pair.connectorNamespace), "shop");
        assert.equal(await valueOf(pair.siteNamespace), "west");
        assert.equal(await valueOf(pair.connectorStatus), "Ready");
        assert.equal(await valueOf(pair.connectorMessage), "OK");
        assert.equal(await valueOf(pair.bindingStatus), "Pending");
        assert.equal(await valueOf(pair.bindingMessage), "Not Matched");
        assert.equal(await valueOf(pair.hasMatchingListener), false);
        assert.equal(await valueOf(pair.ready), true);
        const conditions = await valueOf(pair.bindingConditions);
        assert.deepEqual(
            conditions.map((c) => [c.type, c.status]),
            [
                ["Configured", "True"],
                ["Ready", "False"],
            ],
        );
        assert.equal((await valueOf(pair.connectorConditions)).length, 2);
    });

    it("reads an absent hasMatchingListener as false and a present one as is", async () => {
        mockedStatus[BINDING] = { status: "Ready", conditions: [condition("Configured", "True")] };
        assert.equal(await valueOf((await create({})).pair.hasMatchingListener), false);
        resetMocks();
        mockedStatus[BINDING] = { status: "Ready", hasMatchingListener: true, conditions: [] };
        assert.equal(await valueOf((await create({})).pair.hasMatchingListener), true);
    });

    it("is not ready while the binding is not Configured", async () => {
        mockedStatus[CONNECTOR] = { status: "Ready", conditions: [condition("Ready", "True")] };
        mockedStatus[BINDING] = {
            status: "Error",
            message: "No matching AttachedConnector",
            conditions: [condition("Configured", "False", "No matching AttachedConnector")],
        };
        const { pair } = await create({});
        assert.equal(await valueOf(pair.ready), false);
        assert.equal(await valueOf(pair.bindingMessage), "No matching AttachedConnector");
    });

    it("is not ready while Skupper's conditions are for an older generation of either half", async () => {
        const ready = {
            status: "Ready",
            conditions: [condition("Configured", "True"), condition("Ready", "True")],
        };
        mockedStatus[CONNECTOR] = ready;
        mockedStatus[BINDING] = ready;
        assert.equal(await valueOf((await create({})).pair.ready), true, "generation 1 seen for generation 1");
        for (const half of [CONNECTOR, BINDING]) {
            resetMocks();
            mockedStatus[CONNECTOR] = ready;
            mockedStatus[BINDING] = ready;
            mockedGeneration[half] = 2;
            assert.equal(await valueOf((await create({})).pair.ready), false, `${half} at generation 2`);
        }
    });

    it("reports empty statuses and not ready when Skupper has written nothing", async () => {
        const { pair } = await create({});
        assert.deepEqual(
            [await valueOf(pair.connectorStatus), await valueOf(pair.bindingMessage), await valueOf(pair.ready)],
            ["", "", false],
        );
    });
});
