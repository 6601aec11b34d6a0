// The whole path across two clusters in one program: the pair exposes a workload of
// cluster a through site west, cluster b's site east is linked to west, and a listener in
// east with the pair's routing key sees the connector in a, while the pair sees the
// listener in b, from Skupper's own status. In the data-plane mode, a line sent to the
// listener in b crosses both routers and the link, and a pod in a answers it.
import { paths } from "../../localenv/cluster/kubeClient";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import { AttachedConnectorPair, ConsumerListener } from "../../../provider/index";
import { Stack } from "@pulumi/pulumi/automation";
import { createDeployment, waitForReadyPods } from "../../localenv/cluster/objects";
import { waitFor } from "../../localenv/cluster/processes";
import { sendThroughService } from "../../localenv/dataplane/traffic";
import { LocalEnvironment } from "../../localenv/environment";
import { e2e, newStack } from "../harness";
import { assertSettled, outputsOf } from "../lifecycle/pairWorld";
import { caseOnlyInModes } from "../modes";
import { secondCluster } from "../secondCluster";
import { linkedSites, waitForLinkSettled, waitForSitesInNetwork } from "./linkWorld";

describe("one network across two clusters: the pair in a, its consumer in b", function () {
    this.timeout(600000);
    let linked: { stack: Stack; b: LocalEnvironment; east: string } | undefined;
    after(async () => linked?.stack.destroy());

    it("links east to west, and the listener in b and the pair in a each see the other", async function () {
        const { env: a, kube } = e2e();
        const b = await secondCluster(this);
        const [shop, west, east] = [a.namespace("across-shop"), a.namespace("across-west"), a.namespace("across-east")];
        await a.createNamespaces(shop, west);
        await b.createNamespaces(east);
        await createDeployment(kube, shop, "backend", { app: "backend" }, 1);
        await waitForReadyPods(kube, shop, "app=backend", 1);
        const bKubeconfig = fs.readFileSync(b.kubeconfig, "utf8");
        const stack = await newStack(async () => {
            const { clusterB, westSite, eastSite, link } = linkedSites(west, east, bKubeconfig);
            const pair = new AttachedConnectorPair(
                "backend",
                {
                    connectorNamespace: shop,
                    siteNamespace: west,
                    port: 8080,
                    selector: "app=backend",
                    routingKey: "backend",
                    // Ready once the listener in b is in the network: the listener takes the
                    // key as given, not from this output, which the wait holds back.
                    awaitListener: true,
                    timeoutSeconds: 180,
                },
                { dependsOn: [westSite] },
            );
            const listener = new ConsumerListener(
                "backend",
                { namespace: east, routingKey: "backend", port: 8080, awaitConnector: true, timeoutSeconds: 180 },
                { provider: clusterB, dependsOn: [link] },
            );
            return {
                linkConfigured: link.configured,
                ready: pair.ready,
                hasMatchingListener: pair.hasMatchingListener,
                listenerReady: listener.ready,
                hasMatchingConnector: listener.hasMatchingConnector,
                eastNetwork: eastSite.network,
            };
        }, "across");
        linked = { stack, b, east };
        const started = Date.now();
        const outputs = outputsOf(await stack.up());
        console.log(`      up: ${JSON.stringify(outputs)} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
        assert.deepEqual(
            [outputs.linkConfigured, outputs.ready, outputs.hasMatchingListener, outputs.hasMatchingConnector],
            [true, true, true, true],
        );
        const listener = await b.kube.get(paths.skupper(east, "Listener", "backend"));
        assert.equal(listener.status.hasMatchingConnector, true, "Skupper's own status in b says so");
        // Each site's network is its router's report, which grows after the sites were
        // Ready: once both show the other, the next plain up reads it.
        await waitForSitesInNetwork(a.kube, west, "west", 2);
        await waitForSitesInNetwork(b.kube, east, "east", 2);
        await waitForLinkSettled(b.kube, east, "to-west");
        const later = outputsOf(await stack.up());
        assert.deepEqual(later.eastNetwork.sort(), ["east", "west"]);
        assert.equal(later.hasMatchingListener, true);
        await assertSettled(stack);
    });

    it("carries a line sent to the listener in b to a pod in a, and back, through Skupper's routers", async function () {
        caseOnlyInModes(this, ["network"], "bytes cross Skupper's own routers and the link between them");
        assert.ok(linked, "the case before linked the clusters");
        const { b, east } = linked;
        const trips = await waitFor(
            "a line through east's listener to be answered",
            async () => {
                const sent = await sendThroughService(b.kube, { namespace: east, service: "backend", port: 8080 }, [
                    "across the link",
                ]);
                return sent.every((t) => t.pod) ? sent : undefined;
            },
            180000,
        );
        console.log(`      ${trips[0].to}: "${trips[0].reply}"`);
        assert.match(trips[0].pod!, /^backend-/, "a pod of the workload in cluster a answered");
        // With routers, Skupper reports the Link operational, to the site at its other end.
        const link = await b.kube.get(paths.skupper(east, "Link", "to-west"));
        assert.deepEqual([link.status.status, link.status.remoteSiteName], ["Ready", "west"]);
    });
});
