// Each team declares its own half in its own stack, with a ServiceAccount token that can
// write only its own namespace, and reads the other team's outputs through a
// StackReference; the consuming side declares its listener in a third. Either team may
// go first: its up does not wait for the other, reports what is missing, and the next
// plain up after the other team's reports the pair ready. (A workload deployed after its
// half: podsLater.test.ts.)
import * as assert from "node:assert/strict";
import { Stack, UpResult } from "@pulumi/pulumi/automation";
import {
    removeRemoteConnector,
    removeRemoteListener,
    writeRemoteConnector,
    writeRemoteListener,
} from "../../localenv/doubles/remoteListener";
import { waitFor } from "../../localenv/cluster/processes";
import { e2e } from "../harness";
import { caseOnlyInModes } from "../modes";
import { changed, live, outputsOf, waitForStatus } from "../lifecycle/pairWorld";
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

    /** What a team's half alone waits for: the other team's half. */
    const partner = (kind: string, namespace: string, team: string) =>
        `the ${kind} 'backend' in namespace '${namespace}', which the ${team} declares`;
    /** The workload team's half does not wait for Skupper: its up may read the connector before Skupper reported on it. */
    const beforeFirstReport = (w: TeamsWorld) =>
        `Skupper's first report on it: at once while the AttachedConnectorBinding 'backend' in namespace '${w.west}' is missing (the site team declares it), ` +
        `otherwise once a pod in namespace '${w.shop}' matching the selector 'app=backend' is Running and Ready (a Skupper controller must watch this namespace)`;
    const orders = [
        {
            base: "teams-a",
            first: "workload team",
            second: "site team",
            firstStack: (w: TeamsWorld) => w.workloadStack({ siteNamespace: w.west }),
            secondStack: (w: TeamsWorld, first: Stack) => w.siteStack({ fromWorkloadStack: first, awaitPartner: true }),
            missing: (w: TeamsWorld) => partner("AttachedConnectorBinding", w.west, "site team"),
            unreported: beforeFirstReport,
        },
        {
            base: "teams-b",
            first: "site team",
            second: "workload team",
            firstStack: (w: TeamsWorld) => w.siteStack({ connectorNamespace: w.shop }),
            secondStack: (w: TeamsWorld, first: Stack) => w.workloadStack({ fromSiteStack: first, awaitPartner: true }),
            missing: (w: TeamsWorld) => partner("AttachedConnector", w.shop, "workload team"),
            unreported: undefined,
        },
    ];
    for (const order of orders) {
        it(`${order.first} first: its up reports its missing partner; after the ${order.second}'s, both are ready`, async () => {
            const world = await teamsWorld(order.base);
            const first = await order.firstStack(world);
            const alone = outputsOf(await first.up());
            print(`${order.first}, up`, brief(alone));
            assert.equal(alone.ready, false);
            if (alone.status === "" && order.unreported) assert.equal(alone.waitingFor, order.unreported(world));
            else assert.equal(alone.waitingFor, order.missing(world));

            const second = outputsOf(await (await order.secondStack(world, first)).up());
            print(`${order.second}, up (awaitPartner, its partner exists)`, brief(second));
            assert.deepEqual([second.ready, second.waitingFor], [true, ""]);

            const again = await first.up();
            nothingChanged(again);
            print(`${order.first}, next plain up`, brief(outputsOf(again)));
            assert.deepEqual([outputsOf(again).ready, outputsOf(again).waitingFor], [true, ""]);
        });
    }

    it("the site team destroys its half: the workload team's next up says so, and touches nothing of its own", async () => {
        const world = await teamsWorld("teams-gone");
        const site = await world.siteStack({ connectorNamespace: world.shop });
        await site.up();
        // The site namespace as agreed, not read from the site team's stack, whose outputs the destroy removes.
        const workload = await world.workloadStack({ siteNamespace: world.west, awaitPartner: true });
        assert.equal(outputsOf(await workload.up()).ready, true);
        const uid = (await live("AttachedConnector", world.shop, "backend"))?.metadata.uid;

        await site.destroy();
        await waitForStatus(
            "Skupper to see the binding go",
            ["AttachedConnector", world.shop, "backend"],
            (o) => o.status?.message === "No matching AttachedConnectorBinding in site namespace",
        );
        const after = await workload.up();
        nothingChanged(after);
        const outputs = outputsOf(after);
        print("workload team, next plain up after the site team's destroy", brief(outputs));
        assert.equal(outputs.ready, false);
        assert.equal(outputs.message, "No matching AttachedConnectorBinding in site namespace");
        assert.equal(outputs.waitingFor, partner("AttachedConnectorBinding", world.west, "site team"));
        assert.equal((await live("AttachedConnector", world.shop, "backend"))?.metadata.uid, uid, "untouched");
    });

    it("a consumer's listener in another site, through its own provider: configured, then matched both ways", async function () {
        caseOnlyInModes(
            this,
            ["real", "emulated"],
            "the remote-site double stands for a linked site; with a router, the two sites need a Link",
        );
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

        // The sites are not linked: the remote-site double reports what a linked site's
        // router would, once Skupper has handled both objects (it ignores a rewrite that
        // changes nothing).
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
