// The outputs are Skupper's status at the end of every up, even one that changes nothing:
// a listener made out of band since (a Skupper Listener with the routing key, which the
// site's network reports) shows on the next plain up, pods that went away show as
// not ready. With awaitListener, up blocks until a listener appears.
import * as assert from "node:assert/strict";
import { UpResult } from "@pulumi/pulumi/automation";
import { createListener, scaleDeployment } from "../../localenv/cluster/objects";
import { sleep } from "../../localenv/cluster/processes";
import { e2e, upInBackground } from "../harness";
import { assertSettled, changed, condition, live, outputsOf, pairWorld, upSettled, waitForStatus } from "./pairWorld";

/** A plain up that changes nothing in the cluster: it only reads the halves afresh. */
function assertNothingChanged(result: UpResult): void {
    assert.deepEqual(changed(result.summary.resourceChanges ?? {}), {}, JSON.stringify(result.summary.resourceChanges));
}

describe("lifecycle: live outputs after every up", function () {
    this.timeout(600000);

    it("reports a listener that appeared since on the next plain up", async () => {
        const world = await pairWorld("listener");
        const before = await upSettled(world.stack);
        assert.deepEqual([before.ready, before.hasMatchingListener], [true, false]);

        await createListener(e2e().kube, world.west, "frontend", "backend");
        await waitForStatus(
            "Skupper to see the listener",
            ["AttachedConnectorBinding", world.west, "backend"],
            (o) => o.status?.hasMatchingListener,
        );
        const result = await world.stack.up();
        assertNothingChanged(result);
        const after = outputsOf(result);
        assert.equal(after.hasMatchingListener, true);
        assert.equal(after.bindingStatus, "Ready");
        assert.equal(after.ready, true);
        assert.equal(
            condition(await live("AttachedConnectorBinding", world.west, "backend"), "Matched")?.status,
            "True",
        );
        await assertSettled(world.stack);
    });

    it("reports pods that went away as not ready on the next plain up, and ready once they are back", async () => {
        const { kube } = e2e();
        const world = await pairWorld("pods-gone");
        assert.equal((await upSettled(world.stack)).ready, true);

        await scaleDeployment(kube, world.shop, "backend", 0);
        await waitForStatus(
            "Skupper to see the pods go",
            ["AttachedConnector", world.shop, "backend"],
            (o) => o.status?.message === "No matches for selector",
        );
        const gone = await world.stack.up();
        assertNothingChanged(gone);
        assert.deepEqual([outputsOf(gone).ready, outputsOf(gone).connectorMessage], [false, "No matches for selector"]);

        await scaleDeployment(kube, world.shop, "backend", 1);
        await waitForStatus(
            "Skupper to see the pod back",
            ["AttachedConnector", world.shop, "backend"],
            (o) => o.status?.status === "Ready",
        );
        const back = await world.stack.up();
        assertNothingChanged(back);
        assert.equal(outputsOf(back).ready, true);
    });

    it("with awaitListener, blocks up until the listener appears", async () => {
        const world = await pairWorld("await-listener", { args: { awaitListener: true, routingKey: "orders" } });
        const up = upInBackground(world.stack);
        await sleep(10000);
        assert.equal(up.returned(), false, "up returned before any listener existed");
        const binding = await live("AttachedConnectorBinding", world.west, "backend");
        assert.equal(
            condition(binding, "Configured")?.status,
            "True",
            "the binding is configured; only the listener is missing",
        );

        await createListener(e2e().kube, world.west, "frontend", "orders");
        const outputs = outputsOf(await up.result);
        assert.equal(outputs.hasMatchingListener, true);
        assert.equal(outputs.bindingStatus, "Ready");
        assert.equal(outputs.ready, true);
        await assertSettled(world.stack);
    });
});
