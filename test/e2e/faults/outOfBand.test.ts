// Changes made behind Pulumi's back: a half deleted with the API is noticed by refresh and
// recreated by up; a routing key edited by hand is restored by up --refresh. (Pods going
// away are reported by the next plain up: see lifecycle/liveOutputs.test.ts.)
import * as assert from "node:assert/strict";
import { paths } from "../../localenv/cluster/kubeClient";
import { e2e } from "../harness";
import { assertSettled, condition, live, outputsOf, pairWorld, upSettled } from "../lifecycle/pairWorld";

describe("faults: changes out of band", function () {
    this.timeout(600000);

    it("notices a half deleted with the API on refresh, and recreates it on up", async () => {
        const { kube } = e2e();
        const world = await pairWorld("deleted-half");
        await upSettled(world.stack);
        await kube.delete(paths.skupper(world.west, "AttachedConnectorBinding", "backend"));

        await world.stack.refresh();
        const urns = (await world.stack.exportStack()).deployment.resources.map((r: { urn: string }) => r.urn);
        assert.ok(
            !urns.some((u: string) => u.endsWith("::backend-binding")),
            "refresh drops the deleted binding from the state",
        );
        const outputs = await upSettled(world.stack);
        assert.ok(await live("AttachedConnectorBinding", world.west, "backend"), "the binding is back");
        assert.equal(condition(await live("AttachedConnector", world.shop, "backend"), "Ready")?.status, "True");
        assert.equal(outputs.ready, true);
    });

    it("restores a routing key edited by hand", async () => {
        const { kube } = e2e();
        const world = await pairWorld("edited-key");
        await upSettled(world.stack);
        await kube.mergePatch(paths.skupper(world.west, "AttachedConnectorBinding", "backend"), {
            spec: { routingKey: "hijacked" },
        });

        const outputs = outputsOf(await world.stack.up({ refresh: true }));
        assert.equal(outputs.routingKey, "backend");
        assert.equal((await live("AttachedConnectorBinding", world.west, "backend"))?.spec.routingKey, "backend");
        assert.equal(outputs.ready, true);
        await assertSettled(world.stack);
    });
});
