// The cluster as the controller sees it within one poll, and its status writes.
import * as assert from "node:assert/strict";
import { listSnapshot } from "./arrivals";
import { ClusterView, Versions } from "./clusterView";
import { KubeObject } from "./objects";

function view(listeners: KubeObject[], echoes: string[] = []) {
    const snapshot = { sites: [], connectors: [], bindings: [], listeners, pods: [], networkStatus: [], now: "t" };
    const versions = new Versions();
    const cluster = new ClusterView("t", listSnapshot(snapshot), versions, (_kind, o) => echoes.push(o.status.message));
    return { cluster, versions };
}

const listener = (): KubeObject => ({
    metadata: { name: "l", namespace: "west", resourceVersion: "3" },
    status: { message: "listed" },
});

describe("Skupper status emulator: the cluster view", () => {
    it("writes a status at once, echoes it, and PUTs only the last status that differs from the listed one", () => {
        const echoes: string[] = [];
        const { cluster } = view([listener()], echoes);
        const copy = cluster.read("Listener", "west/l")!;
        copy.status.message = "first";
        const updated = cluster.updateStatus("Listener", copy)!;
        assert.equal(cluster.read("Listener", "west/l")!.status.message, "first");
        updated.status.message = "second";
        cluster.updateStatus("Listener", updated);
        assert.deepEqual(echoes, ["first", "second"]);
        const [write] = cluster.writes();
        assert.deepEqual([write.object.status.message, write.object.metadata.resourceVersion], ["second", "3"]);
    });

    it("does not echo a write that changes nothing, and PUTs nothing for a status set back", () => {
        const echoes: string[] = [];
        const { cluster } = view([listener()], echoes);
        const copy = cluster.read("Listener", "west/l")!;
        assert.ok(cluster.updateStatus("Listener", copy));
        assert.deepEqual(echoes, []);
        copy.status.message = "changed";
        const updated = cluster.updateStatus("Listener", copy)!;
        updated.status.message = "listed";
        cluster.updateStatus("Listener", updated);
        assert.deepEqual(cluster.writes(), []);
    });

    it("refuses a write from a copy older than the object, and one to an object that is gone", () => {
        const { cluster } = view([listener()]);
        const old = cluster.read("Listener", "west/l")!;
        const fresh = cluster.read("Listener", "west/l")!;
        fresh.status.message = "fresh";
        assert.ok(cluster.updateStatus("Listener", fresh));
        old.status.message = "old";
        assert.equal(cluster.updateStatus("Listener", old), undefined);
        const gone = { ...listener(), metadata: { ...listener().metadata, name: "gone" } };
        assert.equal(cluster.updateStatus("Listener", gone), undefined);
    });
});
