// `up` waits for Skupper. The pair is created while the workload has no
// ready Pods; `up` returns only once Skupper reports the connector Ready and the
// binding Configured, and the outputs carry that status.
import * as assert from "node:assert/strict";
import { readyPods } from "../../localenv/cluster/kwok";
import { scaleDeployment } from "../../localenv/cluster/objects";
import { sleep, waitFor } from "../../localenv/cluster/processes";
import { e2e, upInBackground } from "../harness";
import { assertSettled, condition, live, outputsOf, pairWorld } from "./pairWorld";

describe("lifecycle: up waits until Skupper has configured the pair", function () {
    this.timeout(600000);

    it("returns only after the workload's pods are ready and Skupper reports Ready and Configured", async () => {
        const { kube } = e2e();
        const world = await pairWorld("waits", { replicas: 0 });
        const up = upInBackground(world.stack);

        // Both halves exist and Skupper has looked at the pair, yet up keeps waiting: no pod
        // is ready. (Depending on which half Skupper handles first, the connector may carry
        // no status at all until a pod appears.)
        const binding0 = await waitFor(
            "Skupper's first status on the pair",
            async () => {
                const object = await live("AttachedConnectorBinding", world.west, "backend");
                return object?.status?.conditions?.length && (await live("AttachedConnector", world.shop, "backend"))
                    ? object
                    : undefined;
            },
            120000,
        );
        assert.equal(condition(binding0, "Configured")?.status, "False");
        assert.notEqual(condition(await live("AttachedConnector", world.shop, "backend"), "Ready")?.status, "True");
        await sleep(3000);
        assert.equal(up.returned(), false, "up returned while the connector was not Ready");

        await scaleDeployment(kube, world.shop, "backend", 1);
        const podsReadyAt = await waitFor(
            "the pod Ready",
            async () => ((await readyPods(kube, world.shop, "app=backend")).length === 1 ? Date.now() : undefined),
            120000,
        );
        const outputs = outputsOf(await up.result);
        const returnedAt = Date.now();
        assert.ok(returnedAt >= podsReadyAt, "up returned before the pod was ready");
        console.log(`      from the pod seen Ready to up returning: ${returnedAt - podsReadyAt} ms`);

        assert.equal(outputs.ready, true);
        assert.equal(outputs.connectorStatus, "Ready");
        assert.equal(outputs.hasMatchingListener, false);
        assert.deepEqual(outputs.connectorConditions.find((c: any) => c.type === "Ready")?.status, "True");
        assert.deepEqual(outputs.bindingConditions.find((c: any) => c.type === "Configured")?.status, "True");
        // No listener anywhere yet: Skupper leaves the binding Pending until one matches.
        assert.deepEqual([outputs.bindingStatus, outputs.bindingMessage], ["Pending", "Not Matched"]);

        const connector = await live("AttachedConnector", world.shop, "backend");
        const binding = await live("AttachedConnectorBinding", world.west, "backend");
        assert.equal(condition(connector, "Ready")?.status, "True");
        assert.equal(condition(binding, "Configured")?.status, "True");
        assert.deepEqual(
            [binding?.spec.connectorNamespace, binding?.spec.routingKey, connector?.spec.siteNamespace],
            [world.shop, "backend", world.west],
        );
        await assertSettled(world.stack);
    });
});
