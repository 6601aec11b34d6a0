// Pod watchers: the pods that count, and the events a poll's pod changes make.
import * as assert from "node:assert/strict";
import { listSnapshot } from "./arrivals";
import { ClusterView, Versions } from "./clusterView";
import { KubeObject } from "./objects";
import { PodWatchers, POD_RESYNC_MS } from "./podWatcher";

const pod = (name: string, labels: Record<string, string>, phase = "Running", ready = "True"): KubeObject => ({
    metadata: { name, namespace: "shop", labels, resourceVersion: String(name.length) },
    status: { phase, conditions: [{ type: "Ready", status: ready }] },
});

function viewOf(pods: KubeObject[]): ClusterView {
    const snapshot = { sites: [], connectors: [], bindings: [], listeners: [], pods, networkStatus: [], now: "t" };
    return new ClusterView("t", listSnapshot(snapshot), new Versions(), () => {});
}

const consumer = (includeNotReady = false) => ({
    includeNotReadyPods: () => includeNotReady,
    podsUpdated: () => true,
});

describe("Skupper status emulator: pod watchers", () => {
    it("lists its selector's pods first, and counts the Running and Ready ones", () => {
        const view = viewOf([
            pod("a", { app: "backend" }),
            pod("bb", { app: "backend" }, "Running", "False"),
            pod("c", {}),
        ]);
        const watchers = new PodWatchers();
        const { watcher, firstList } = watchers.start(consumer(), "shop", "app=backend", view, 0);
        assert.deepEqual(
            firstList.map((e) => e.key),
            ["shop/a", "shop/bb"],
        );
        assert.deepEqual(
            watcher.counted(view).map((p) => p.metadata.name),
            ["a"],
        );
    });

    it("makes an event of a change to a pod it watches or watched, and of every pod at its resync", () => {
        const backend = pod("a", { app: "backend" });
        const watchers = new PodWatchers();
        const { watcher } = watchers.start(consumer(), "shop", "app=backend", viewOf([backend]), 0);
        const relabelled = { ...backend, metadata: { ...backend.metadata, labels: { app: "other" } } };
        const changes = [
            { id: "Pod shop/a", kind: "Pod" as const, key: "shop/a", object: relabelled, position: 7n },
            { id: "Pod shop/z", kind: "Pod" as const, key: "shop/z", object: pod("z", {}), position: 8n },
        ];
        const arrivals = watchers.arrivals(changes, viewOf([relabelled]), 1000);
        assert.deepEqual(
            arrivals.map((a) => [a.event.key, a.position]),
            [["shop/a", 7n]],
        );
        assert.equal(watcher.known.size, 0, "a pod leaving the selector leaves the watcher's cache");

        const resync = watchers.arrivals([], viewOf([backend]), POD_RESYNC_MS);
        assert.deepEqual(
            resync.map((a) => a.event.key),
            ["shop/a"],
        );
    });

    it("keeps a stopped watcher's pods as they were, and makes no more events for it", () => {
        const backend = pod("a", { app: "backend" });
        const watchers = new PodWatchers();
        const { watcher } = watchers.start(consumer(), "shop", "app=backend", viewOf([backend]), 0);
        watchers.stop(watcher, viewOf([backend]));
        assert.deepEqual(
            watcher.counted(viewOf([])).map((p) => p.metadata.name),
            ["a"],
        );
        assert.deepEqual(watchers.arrivals([], viewOf([]), POD_RESYNC_MS), []);
    });
});
