// Each team declares its own half in its own stack, with a ServiceAccount token that can
// write only its own namespace, and reads the other team's outputs through a
// StackReference; the consuming side declares its listener in a third. Either team may
// go first: its up does not wait for the other, reports what is missing, and the next
// plain up after the other team's reports the pair ready.
import * as assert from "node:assert/strict";
import { UpResult } from "@pulumi/pulumi/automation";
import {
    removeRemoteConnector,
    removeRemoteListener,
    writeRemoteConnector,
    writeRemoteListener,
} from "../../localenv/doubles/remoteListener";
import { waitFor } from "../../localenv/cluster/processes";
import { e2e } from "../harness";
import { changed, live, outputsOf } from "../lifecycle/pairWorld";
import { teamsWorld, TeamsWorld } from "./teamsWorld";

function nothingChanged(result: UpResult): void {
    assert.deepEqual(changed(result.summary.resourceChanges ?? {}), {}, JSON.stringify(result.summary.resourceChanges));
}

const print = (step: string, outputs: Record<string, unknown>) =>
    console.log(`      ${step}: ${JSON.stringify(outputs)}`);

/** The outputs the tests read of each team's half. */
const brief = (o: Record<string, any>) => ({ ready: o.ready, status: o.status, waitingFor: o.waitingFor });

describe("two teams, two stacks: each declares its own half", function () {
    this.timeout(600000);

    it("workload team first: its up reports the missing binding; after the site team's, both are ready", async () => {
        const world = await teamsWorld("teams-a");
        const workload = await world.workloadStack({ siteNamespace: world.west });
        const first = outputsOf(await workload.up());
        print("workload team, up", brief(first));
        assert.equal(first.ready, false);
        assert.equal(
            first.waitingFor,
            `the AttachedConnectorBinding 'backend' in namespace '${world.west}', which the site team declares`,
        );

        const site = await world.siteStack({ fromWorkloadStack: workload, awaitPartner: true });
        const second = outputsOf(await site.up());
        print("site team, up (awaitPartner, the connector exists)", brief(second));
        assert.deepEqual([second.ready, second.waitingFor], [true, ""]);

        const again = await workload.up();
        nothingChanged(again);
        print("workload team, next plain up", brief(outputsOf(again)));
        assert.deepEqual([outputsOf(again).ready, outputsOf(again).waitingFor], [true, ""]);
    });

    it("site team first: its up reports the missing connector; after the workload team's, both are ready", async () => {
        const world = await teamsWorld("teams-b");
        const site = await world.siteStack({ connectorNamespace: world.shop });
        const first = outputsOf(await site.up());
        print("site team, up", brief(first));
        assert.equal(first.ready, false);
        assert.equal(
            first.waitingFor,
            `the AttachedConnector 'backend' in namespace '${world.shop}', which the workload team declares`,
        );

        const workload = await world.workloadStack({ fromSiteStack: site, awaitPartner: true });
        const second = outputsOf(await workload.up());
        print("workload team, up (awaitPartner, the binding exists)", brief(second));
        assert.deepEqual([second.ready, second.waitingFor], [true, ""]);

        const again = await site.up();
        nothingChanged(again);
        print("site team, next plain up", brief(outputsOf(again)));
        assert.equal(outputsOf(again).ready, true);
    });

    it("the site team destroys its half: the workload team's next up says so, and touches nothing of its own", async () => {
        const world = await teamsWorld("teams-gone");
        const site = await world.siteStack({ connectorNamespace: world.shop });
        await site.up();
        // The site namespace as agreed, not read from the site team's stack, whose outputs the destroy removes.
        const workload = await world.workloadStack({ siteNamespace: world.west, awaitPartner: true });
        assert.equal(outputsOf(await workload.up()).ready, true);
        const uid = (await live("AttachedConnector", world.shop, "backend"))?.metadata.uid;

        await site.destroy();
        await waitFor(
            "Skupper to see the binding go",
            async () =>
                (await live("AttachedConnector", world.shop, "backend"))?.status?.message ===
                    "No matching AttachedConnectorBinding in site namespace" || undefined,
            60000,
        );
        const after = await workload.up();
        nothingChanged(after);
        const outputs = outputsOf(after);
        print("workload team, next plain up after the site team's destroy", brief(outputs));
        assert.equal(outputs.ready, false);
        assert.equal(outputs.message, "No matching AttachedConnectorBinding in site namespace");
        assert.equal(
            outputs.waitingFor,
            `the AttachedConnectorBinding 'backend' in namespace '${world.west}', which the site team declares`,
        );
        assert.equal((await live("AttachedConnector", world.shop, "backend"))?.metadata.uid, uid, "untouched");
    });

    it("a consumer's listener in another site, through its own provider: configured, then matched both ways", async () => {
        const { kube } = e2e();
        const world: TeamsWorld = await teamsWorld("teams-listener", { consumer: true });
        const site = await world.siteStack({ connectorNamespace: world.shop, routingKey: "orders" });
        await site.up();
        const workload = await world.workloadStack({ fromSiteStack: site, awaitPartner: true });
        assert.equal(outputsOf(await workload.up()).ready, true);

        const consumer = await world.consumerStack(site);
        const first = outputsOf(await consumer.up());
        print("consumer, up", first);
        assert.deepEqual(
            [first.ready, first.hasMatchingConnector, first.bindingHasMatchingListener, first.routingKey],
            [true, false, false, "orders"],
        );

        // No router runs here: the double reports what routers' collectors would, once
        // Skupper has handled both objects (it ignores a rewrite that changes nothing).
        await writeRemoteConnector(kube, world.east, "orders");
        await writeRemoteListener(kube, world.west, "orders");
        await waitFor(
            "Skupper to match the listener and the binding",
            async () =>
                ((await live("Listener", world.east, "orders"))?.status as any)?.hasMatchingConnector &&
                (await live("AttachedConnectorBinding", world.west, "backend"))?.status?.hasMatchingListener
                    ? true
                    : undefined,
            60000,
        );
        const matched = await consumer.up();
        nothingChanged(matched);
        print("consumer, next plain up", outputsOf(matched));
        assert.deepEqual(
            [outputsOf(matched).hasMatchingConnector, outputsOf(matched).bindingHasMatchingListener],
            [true, true],
        );
        assert.equal(outputsOf(await site.up()).hasMatchingListener, true);
        await removeRemoteConnector(kube, world.east, "orders");
        await removeRemoteListener(kube, world.west, "orders");
    });
});
