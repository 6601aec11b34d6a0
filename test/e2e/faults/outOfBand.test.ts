// Faults 5 and 6: changes made behind Pulumi's back. A half deleted with the API is
// noticed by refresh and recreated by up; a routing key edited by hand is restored by
// up --refresh; the workload's pods going away turns `ready` false after up --refresh,
// with Skupper's reason.
import * as assert from "node:assert/strict";
import { paths } from "../../../localenv/cluster/kubeClient";
import { scaleDeployment } from "../../../localenv/cluster/objects";
import { waitFor } from "../../../localenv/cluster/processes";
import { e2e } from "../harness";
import { assertSettled, condition, live, outputsOf, pairWorld, upSettled } from "../lifecycle/pairWorld";

describe("faults: changes out of band", function () {
    this.timeout(600000);

    it("notices a half deleted with the API on refresh, and recreates it on up", async () => {
        const { kube } = e2e();
        const world = await pairWorld("deleted-half");
        await upSettled(world.stack);
        await kube.delete(paths.skupper(world.west, "AttachedConnectorBinding", "backend"));

        const refresh = await world.stack.refresh();
        assert.equal(
            refresh.summary.resourceChanges?.delete,
            1,
            `refresh reports the deleted binding: ${JSON.stringify(refresh.summary.resourceChanges)}`,
        );
        await upSettled(world.stack);
        assert.ok(await live("AttachedConnectorBinding", world.west, "backend"), "the binding is back");
        // The connector was not changed by that up, so its outputs are still the refreshed
        // ones (no binding); up --refresh reads Skupper's status anew.
        assert.equal(condition(await live("AttachedConnector", world.shop, "backend"), "Ready")?.status, "True");
        assert.equal(outputsOf(await world.stack.up({ refresh: true })).ready, true);
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

    it("reports ready false with Skupper's reason once the workload's pods are gone", async () => {
        const { kube } = e2e();
        const world = await pairWorld("pods-gone");
        assert.equal((await upSettled(world.stack)).ready, true);
        await scaleDeployment(kube, world.shop, "backend", 0);
        await waitFor(
            "the connector no longer Ready",
            async () => {
                const connector = await live("AttachedConnector", world.shop, "backend");
                return connector?.status?.conditions?.find((c) => c.type === "Ready")?.status === "False"
                    ? true
                    : undefined;
            },
            120000,
        );

        const outputs = outputsOf(await world.stack.up({ refresh: true }));
        assert.equal(outputs.ready, false);
        assert.match(outputs.connectorMessage, /No matches for selector/);
    });
});
