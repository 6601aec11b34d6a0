// Scenario 1: `up` waits for Skupper. The pair is created while the workload has no
// ready Pods; `up` returns only once Skupper reports the connector Ready and the
// binding Configured, and the outputs carry that status.
import * as assert from "node:assert/strict";
import { readyPods } from "../../../localenv/cluster/kwok";
import { scaleDeployment } from "../../../localenv/cluster/objects";
import { sleep, waitFor } from "../../../localenv/cluster/processes";
import { e2e } from "../harness";
import { assertSettled, condition, live, LiveObject, outputsOf, pairWorld } from "./pairWorld";

describe("lifecycle: up waits until Skupper has configured the pair", function () {
    this.timeout(600000);

    it("returns only after the workload's pods are ready and Skupper reports Ready and Configured", async () => {
        const { kube } = e2e();
        const world = await pairWorld("waits", { replicas: 0 });
        let returnedAt: number | undefined;
        const up = world.stack.up().then((result) => {
            returnedAt = Date.now();
            return result;
        });

        // Both halves exist and Skupper has looked at them, yet up keeps waiting: no pod is ready.
        let connector: LiveObject | undefined = await waitFor("Skupper's first status on the connector", async () => {
            const object = await live("AttachedConnector", world.shop, "backend");
            return object?.status?.conditions?.length ? object : undefined;
        }, 120000);
        assert.equal(condition(connector, "Ready")?.status ?? "False", "False");
        await sleep(3000);
        assert.equal(returnedAt, undefined, "up returned while the connector was not Ready");

        await scaleDeployment(kube, world.shop, "backend", 1);
        const podsReadyAt = await waitFor("the pod Ready", async () =>
            ((await readyPods(kube, world.shop, "app=backend")).length === 1 ? Date.now() : undefined), 120000);
        const outputs = outputsOf(await up);
        assert.ok(returnedAt! >= podsReadyAt, "up returned before the pod was ready");
        console.log(`      from the pod seen Ready to up returning: ${returnedAt! - podsReadyAt} ms`);

        assert.equal(outputs.ready, true);
        assert.equal(outputs.connectorStatus, "Ready");
        assert.equal(outputs.hasMatchingListener, false);
        assert.deepEqual(outputs.connectorConditions.find((c: any) => c.type === "Ready")?.status, "True");
        assert.deepEqual(outputs.bindingConditions.find((c: any) => c.type === "Configured")?.status, "True");
        // No listener anywhere yet: Skupper leaves the binding Pending until one matches.
        assert.deepEqual([outputs.bindingStatus, outputs.bindingMessage], ["Pending", "Not Matched"]);

        connector = await live("AttachedConnector", world.shop, "backend");
        const binding = await live("AttachedConnectorBinding", world.west, "backend");
        assert.equal(condition(connector, "Ready")?.status, "True");
        assert.equal(condition(binding, "Configured")?.status, "True");
        assert.deepEqual([binding?.spec.connectorNamespace, binding?.spec.routingKey, connector?.spec.siteNamespace], [world.shop, "backend", world.west]);
        await assertSettled(world.stack);
    });
});
