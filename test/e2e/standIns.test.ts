import * as assert from "node:assert/strict";
import { createNamespaces, createWorkloadPods, makePodsReady, writeRemoteListener } from "../../scripts/cluster/fixtures";
import { paths } from "../../scripts/cluster/kubeClient";
import { e2e } from "./harness";

// The two stand-ins must write exactly what Skupper's controller reads.
describe("the stand-ins for a kubelet and a remote router", function () {
    this.timeout(120000);

    before(async () => {
        await createNamespaces(e2e().kube, "standin-shop", "standin-west");
    });

    it("makes a workload's pods Running and Ready with an IP, as the selector requires", async () => {
        const { kube } = e2e();
        const names = await createWorkloadPods(kube, "standin-shop", { app: "backend" }, 2);
        const before = await kube.get(`${paths.pods("standin-shop")}?labelSelector=app%3Dbackend`);
        assert.deepEqual(before.items.map((p: any) => p.status.phase), ["Pending", "Pending"]);

        await makePodsReady(kube, "standin-shop", names);
        const after = await kube.get(`${paths.pods("standin-shop")}?labelSelector=app%3Dbackend`);
        for (const pod of after.items) {
            assert.equal(pod.status.phase, "Running");
            assert.equal(pod.status.conditions.find((c: any) => c.type === "Ready")?.status, "True");
            assert.match(pod.status.podIP, /^10\.244\.0\.\d+$/);
            assert.equal(pod.metadata.deletionTimestamp, undefined);
        }
    });

    it("writes remote listeners with their routing keys into skupper-network-status", async () => {
        const { kube } = e2e();
        await writeRemoteListener(kube, "standin-west", "backend");
        await writeRemoteListener(kube, "standin-west", "orders");
        const configMap = await kube.get(`${paths.configMaps("standin-west")}/skupper-network-status`);
        const status = JSON.parse(configMap.data.NetworkStatus);
        const addresses = status.siteStatus.flatMap((s: any) => s.routerStatus.flatMap((r: any) => r.listeners.map((l: any) => l.address)));
        assert.deepEqual(addresses, ["backend", "orders"]);
    });
});
