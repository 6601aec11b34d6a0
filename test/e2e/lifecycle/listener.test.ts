// Scenario 2: hasMatchingListener. It is false until a listener with the routing key
// exists somewhere in the network (a remote site's, written by the listener double);
// `up --refresh` then reports it. With awaitListener, up blocks until it appears.
import * as assert from "node:assert/strict";
import { sleep } from "../../../localenv/cluster/processes";
import { writeRemoteListener } from "../../../localenv/doubles/remoteListener";
import { e2e, upInBackground } from "../harness";
import { assertSettled, condition, live, outputsOf, pairWorld, upSettled } from "./pairWorld";

describe("lifecycle: a listener appears in the network", function () {
    this.timeout(600000);

    it("reports hasMatchingListener false, then true after up --refresh", async () => {
        const world = await pairWorld("listener");
        const before = await upSettled(world.stack);
        assert.equal(before.ready, true);
        assert.equal(before.hasMatchingListener, false);

        await writeRemoteListener(e2e().kube, world.west, "backend");
        const after = outputsOf(await world.stack.up({ refresh: true }));
        assert.equal(after.hasMatchingListener, true);
        assert.equal(after.bindingStatus, "Ready");
        assert.equal(
            condition(await live("AttachedConnectorBinding", world.west, "backend"), "Matched")?.status,
            "True",
        );
        await assertSettled(world.stack);
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

        await writeRemoteListener(e2e().kube, world.west, "orders");
        const outputs = outputsOf(await up.result);
        assert.equal(outputs.hasMatchingListener, true);
        assert.equal(outputs.bindingStatus, "Ready");
        assert.equal(outputs.ready, true);
        await assertSettled(world.stack);
    });
});
