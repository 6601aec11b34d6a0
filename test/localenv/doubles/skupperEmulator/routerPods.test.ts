// A Site's Running condition, from the router pods of its namespace (routerPods.ts).
import * as assert from "node:assert/strict";
import { condition, FakeCluster } from "./fakeCluster";
import { KubeObject } from "./objects";
import { POD_RESYNC_MS } from "./podWatcher";
import { runningState } from "./routerPods";

const ROUTER = { "skupper.io/component": "router", "skupper.io/type": "site", application: "skupper-router" };

const routerPod = (cluster: FakeCluster, name = "skupper-router-0", ready = true, namespace = "west") =>
    cluster.addPod(name, { namespace, labels: ROUTER, ready });

describe("Skupper status emulator: router pods and Running", () => {
    it("makes a Site Running and Ready, OK, once a router pod of its namespace is Running and Ready", () => {
        const cluster = new FakeCluster();
        const site = cluster.addSite();
        cluster.settle();
        assert.deepEqual([site.status.status, site.status.message], ["Pending", "Not Running"]);
        routerPod(cluster);
        cluster.settle();
        assert.deepEqual([site.status.status, site.status.message], ["Ready", "OK"]);
        assert.equal(condition(site, "Running").status, "True");
        assert.deepEqual(cluster.writesOn(site), ["Pending Not Running", "Ready OK"]);
    });

    it("counts only the pods of a router (component and type labels) in the Site's own namespace", () => {
        const cluster = new FakeCluster();
        const site = cluster.addSite();
        cluster.addPod("backend-0", { namespace: "west", labels: { app: "backend" } });
        cluster.addPod("router-elsewhere", { namespace: "east", labels: ROUTER });
        cluster.addPod("half", { namespace: "west", labels: { "skupper.io/component": "router" } });
        cluster.settle();
        assert.equal(condition(site, "Running"), undefined);
        assert.equal(site.status.message, "Not Running");
    });

    it("goes back to Pending when its router pod stops being ready, and when it is deleted", () => {
        const cluster = new FakeCluster();
        const site = cluster.addSite();
        const pod = routerPod(cluster);
        cluster.settle();
        cluster.update(
            pod,
            (p) => (p.status.conditions[0] = { type: "Ready", status: "False", message: "probe failed" }),
            false,
        );
        cluster.settle();
        assert.deepEqual([site.status.status, site.status.message], ["Pending", "probe failed"]);
        cluster.remove(cluster.pods, pod);
        cluster.settle();
        assert.deepEqual([site.status.status, site.status.message], ["Pending", "No router pod is ready"]);
    });

    it("takes a pod relabelled out of the router's selector as gone", () => {
        const cluster = new FakeCluster();
        const site = cluster.addSite();
        const pod = routerPod(cluster);
        cluster.settle();
        cluster.update(pod, (p) => (p.metadata.labels = { app: "other" }), false);
        cluster.settle();
        assert.equal(site.status.message, "No router pod is ready");
    });

    it("hears of a router pod that ran before its Site only at the pod's next event, as Skupper does", () => {
        const cluster = new FakeCluster();
        routerPod(cluster);
        cluster.settle();
        const site = cluster.addSite();
        cluster.settle();
        assert.equal(site.status.message, "Not Running", "the Site's own events do not look at the pods");
        cluster.nextPollAt(POD_RESYNC_MS / 1000);
        cluster.settle();
        assert.equal(site.status.message, "OK", "the pod informer's resync tells it");
    });

    it("after a restart, finds its Sites Running from the pods' first list", () => {
        const cluster = new FakeCluster();
        const site = cluster.addSite();
        routerPod(cluster);
        cluster.settle();
        cluster.restart();
        cluster.settle();
        assert.equal(site.status.message, "OK");
        assert.deepEqual(cluster.writesOn(site), ["Pending Not Running", "Ready OK"], "nothing written again");
    });

    it("says why a router pod is not running: its first False condition, or that it is not ready", () => {
        const pod = (name: string, phase: string, conditions: unknown[]): KubeObject => ({
            metadata: { name, namespace: "west" },
            status: { phase, conditions },
        });
        assert.deepEqual(runningState([]), { status: "False", reason: "Pending", message: "No router pod is ready" });
        const unscheduled = pod("a", "Pending", [{ type: "PodScheduled", status: "False", message: "no nodes" }]);
        assert.equal(runningState([unscheduled]).message, "no nodes");
        assert.equal(runningState([pod("b", "Pending", [])]).message, "Pod b not ready");
        const ready = pod("c", "Running", [{ type: "Ready", status: "True" }]);
        assert.equal(runningState([unscheduled, ready]).status, "True");
    });
});
