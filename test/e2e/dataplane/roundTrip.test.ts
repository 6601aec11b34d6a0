// Bytes cross the pair: with Skupper's router and kube-adaptor running for the site, a
// line sent to a listener with the pair's routing key is answered by the pair's pods, and
// hasMatchingListener and hasMatchingConnector are what Skupper's own network reports.
import * as assert from "node:assert/strict";
import { paths } from "../../localenv/cluster/kubeClient";
import { readyPods } from "../../localenv/cluster/kwok";
import { createListener } from "../../localenv/cluster/objects";
import { e2e } from "../harness";
import { changed, outputsOf, waitForStatus } from "../lifecycle/pairWorld";
import { onlyInMode } from "../modes";
import { assertEveryPodAnswers, LISTENER_PORT, networkWorld, waitForTraffic, upSettled } from "./networkWorld";

describe("data plane: bytes cross the pair through Skupper's router", function () {
    this.timeout(600000);
    onlyInMode(this, "network", "bytes cross Skupper's router, which only that mode runs");

    it("with awaitListener and awaitConnector, up returns once Skupper reports the match both ways, and every pod of the selector answers", async () => {
        const world = await networkWorld("dp-trip", {
            pair: { awaitListener: true },
            listeners: [{ name: "frontend", routingKey: "backend", awaitConnector: true }],
        });
        const outputs = await upSettled(world.stack);
        assert.deepEqual(
            [outputs.ready, outputs.bindingStatus, outputs.hasMatchingListener, outputs.listeners.frontend],
            [true, "Ready", true, { ready: true, hasMatchingConnector: true }],
        );
        const pods = await readyPods(e2e().kube, world.shop, "app=backend");
        assert.equal(pods.length, 3);
        await waitForTraffic(world);
        const trips = await assertEveryPodAnswers(world, pods);
        console.log(`      ${trips.length} lines through ${trips[0].to}, answered by ${pods.join(", ")}`);
    });

    it("reports a listener made out of band on the next plain up, which changes nothing, and its deletion on the next", async () => {
        const { kube } = e2e();
        const world = await networkWorld("dp-oob");
        const before = await upSettled(world.stack);
        assert.deepEqual([before.ready, before.hasMatchingListener], [true, false]);

        await createListener(kube, world.west, "out-of-band", "backend", LISTENER_PORT);
        await waitForStatus(
            "Skupper's network to report the listener",
            ["AttachedConnectorBinding", world.west, "backend"],
            (o) => o.status?.hasMatchingListener,
            120000,
        );
        const seen = await world.stack.up();
        assert.deepEqual(changed(seen.summary.resourceChanges ?? {}), {}, "the plain up changed nothing");
        assert.deepEqual([outputsOf(seen).hasMatchingListener, outputsOf(seen).bindingStatus], [true, "Ready"]);
        await waitForTraffic(world, "out-of-band");

        await kube.delete(paths.skupper(world.west, "Listener", "out-of-band"));
        await waitForStatus(
            "Skupper's network to report the listener gone",
            ["AttachedConnectorBinding", world.west, "backend"],
            (o) => !o.status?.hasMatchingListener,
            120000,
        );
        const gone = await world.stack.up();
        assert.deepEqual(changed(gone.summary.resourceChanges ?? {}), {}, "the plain up changed nothing");
        assert.equal(outputsOf(gone).hasMatchingListener, false);
    });
});
