// Changes that move traffic, as a router carries it: pods scaled away and back, the
// routing key changed in place, the selector changed in place.
import * as assert from "node:assert/strict";
import { readyPods } from "../../localenv/cluster/kwok";
import { createDeployment, scaleDeployment, waitForReadyPods } from "../../localenv/cluster/objects";
import { waitFor } from "../../localenv/cluster/processes";
import { e2e } from "../harness";
import { changed, live, outputsOf, waitForStatus } from "../lifecycle/pairWorld";
import { onlyInMode } from "../modes";
import { assertEveryPodAnswers, networkWorld, send, waitForNoTraffic, waitForTraffic, upSettled } from "./networkWorld";

describe("data plane: changes move the traffic", function () {
    this.timeout(600000);
    onlyInMode(this, "network", "bytes cross Skupper's router, which only that mode runs");

    it("pods scaled to zero: connections fail and the next plain up says not ready; scaled back, both return", async () => {
        const { kube } = e2e();
        const world = await networkWorld("dp-scale", { listeners: [{ name: "frontend", routingKey: "backend" }] });
        assert.equal((await upSettled(world.stack)).ready, true);
        await waitForTraffic(world);

        await scaleDeployment(kube, world.shop, "backend", 0);
        const failed = await waitForNoTraffic(world);
        console.log(`      pods gone: ${failed[0].to}: ${failed[0].failure}`);
        await waitForStatus(
            "Skupper to see the pods go",
            ["AttachedConnector", world.shop, "backend"],
            (o) => o.status?.message === "No matches for selector",
            120000,
        );
        const gone = await world.stack.up();
        assert.deepEqual(changed(gone.summary.resourceChanges ?? {}), {});
        assert.deepEqual([outputsOf(gone).ready, outputsOf(gone).connectorMessage], [false, "No matches for selector"]);

        await scaleDeployment(kube, world.shop, "backend", 3);
        const pods = await waitForReadyPods(kube, world.shop, "app=backend", 3);
        await waitForTraffic(world);
        await waitForStatus(
            "Skupper to see the pods back",
            ["AttachedConnector", world.shop, "backend"],
            (o) => o.status?.status === "Ready",
            120000,
        );
        const back = await world.stack.up();
        assert.deepEqual(changed(back.summary.resourceChanges ?? {}), {});
        assert.equal(outputsOf(back).ready, true);
        await assertEveryPodAnswers(world, pods);
    });

    it("a routing key changed in place: the old key's listener goes unanswered, the new key's is answered", async () => {
        const world = await networkWorld("dp-key", {
            replicas: 2,
            listeners: [
                { name: "old-key", routingKey: "backend" },
                { name: "new-key", routingKey: "orders" },
            ],
        });
        await upSettled(world.stack);
        await waitForTraffic(world, "old-key");
        assert.ok(
            (await send(world, 1, "new-key")).every((t) => !t.pod),
            "no connector has the new key yet",
        );

        world.pair.routingKey = "orders";
        const result = await world.stack.up();
        const { create, replace, delete: deleted } = result.summary.resourceChanges ?? {};
        assert.deepEqual([create, replace, deleted], [undefined, undefined, undefined], "changed in place");
        await waitForTraffic(world, "new-key");
        await waitForNoTraffic(world, "old-key");
        // What Skupper says of the moved key, given a moment: the outputs must say the same.
        const said = await waitFor(
            "Skupper to report a listener for the new key",
            async () => (await live("AttachedConnectorBinding", world.west, "backend"))?.status?.hasMatchingListener,
            60000,
        ).catch(() => false);
        const outputs = outputsOf(await world.stack.up());
        console.log(`      after the key change Skupper reports hasMatchingListener ${said}`);
        assert.deepEqual([outputs.routingKey, outputs.hasMatchingListener], ["orders", said]);
        assert.equal(outputs.listeners["new-key"].hasMatchingConnector, true);
    });

    it("a selector changed in place moves the traffic to the new pods", async () => {
        const { kube } = e2e();
        const world = await networkWorld("dp-selector", {
            replicas: 2,
            listeners: [{ name: "frontend", routingKey: "backend" }],
        });
        await upSettled(world.stack);
        const before = await readyPods(kube, world.shop, "app=backend");
        await assertEveryPodAnswers(world, before);

        await createDeployment(kube, world.shop, "backend-v2", { app: "backend-v2" }, 2);
        const after = await waitForReadyPods(kube, world.shop, "app=backend-v2", 2);
        world.pair.selector = "app=backend-v2";
        assert.equal(outputsOf(await world.stack.up()).ready, true);
        await waitFor(
            "the traffic to reach only the new pods",
            async () => ((await send(world, 6)).every((t) => t.pod && after.includes(t.pod)) ? true : undefined),
            120000,
        );
        await assertEveryPodAnswers(world, after);
    });
});
