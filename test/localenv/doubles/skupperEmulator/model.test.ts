// The controller as a whole: one queue taking events in the order they happened, whatever
// their kind; informers that resync (Skupper's kinds every 30 s, pods and ConfigMaps every
// 5 minutes); and a restart, which recovers from what the cluster shows.
import * as assert from "node:assert/strict";
import { CONFIG_MAP_RESYNC_MS, SKUPPER_RESYNC_MS } from "./model";
import { POD_RESYNC_MS } from "./podWatcher";
import { condition, FakeCluster, readyPair } from "./fakeCluster";

const NO_BINDING = "No matching AttachedConnectorBinding in site namespace";

describe("Skupper status emulator: the controller's queue, resyncs and restarts", () => {
    describe("events in the order they happened, whatever their kind", () => {
        it("a binding created before its connector, both seen by one poll: the binding first", () => {
            const cluster = new FakeCluster();
            cluster.addSite();
            const binding = cluster.addBinding();
            const connector = cluster.addConnector();
            cluster.settle();
            // The binding finds no connector; the connector then starts the pod watcher,
            // which lists no pod and so reports nothing.
            assert.deepEqual(cluster.writesOn(binding), ["Error No matching AttachedConnector"]);
            assert.ok(connector.status === undefined, "nothing written on the connector");

            cluster.addPod("backend-0");
            cluster.settle();
            assert.equal(condition(binding, "Configured").status, "True");
            assert.equal(connector.status.status, "Ready");
        });

        it("a connector created before its binding, both seen by one poll: the connector first", () => {
            const cluster = new FakeCluster();
            cluster.addSite();
            const connector = cluster.addConnector();
            const binding = cluster.addBinding();
            cluster.settle();
            assert.deepEqual(cluster.writesOn(connector), [`Error ${NO_BINDING}`, "Error Not ready"]);
            assert.deepEqual(cluster.writesOn(binding), ["Error Not ready"]);
        });

        it("with a Ready pod, either order ends configured, through the statuses of that order", () => {
            const bindingFirst = new FakeCluster();
            bindingFirst.addSite();
            bindingFirst.addPod("backend-0");
            const binding = bindingFirst.addBinding();
            const connector = bindingFirst.addConnector();
            bindingFirst.settle();
            assert.deepEqual(bindingFirst.writesOn(binding), [
                "Error No matching AttachedConnector",
                "Pending Not Matched",
            ]);
            assert.deepEqual(bindingFirst.writesOn(connector), ["Ready OK"]);

            const { cluster, connector: first, binding: second } = readyPair();
            assert.deepEqual(cluster.writesOn(first), [`Error ${NO_BINDING}`, "Error Not ready", "Ready OK"]);
            assert.deepEqual(cluster.writesOn(second), ["Error Not ready", "Pending Not Matched"]);
        });

        it("a pod event that happened before a connector's change is handled with the connector as it was", () => {
            const { cluster, connector, binding } = readyPair();
            cluster.addPod("orders-0", { labels: { app: "orders" } });
            cluster.settle();
            const pod = cluster.pods.find((p) => p.metadata.name === "backend-0")!;
            cluster.update(pod, (p) => (p.status.conditions[0].status = "False"), false);
            cluster.update(connector, (c) => (c.spec.selector = "app=orders"));
            cluster.settle();
            // The old watcher reports no pod first; the write to the connector, from the copy
            // before its change, is refused and retried; the new watcher then lists orders-0.
            assert.deepEqual(cluster.writesOn(binding).slice(-2), [
                "Error No matches for selector",
                "Pending Not Matched",
            ]);
            assert.deepEqual(cluster.writesOn(connector).slice(-2), ["Error No matches for selector", "Ready OK"]);
            const refused = cluster.trace.filter(
                (w) => w.kind === "AttachedConnector" && w.object.status.message === "No matches for selector",
            );
            assert.deepEqual(
                refused.map((w) => condition(w.object, "Configured").observedGeneration),
                [2],
                "the write from the old copy was refused; the retry wrote from the new one",
            );
        });
    });

    describe("resyncs", () => {
        it("resyncs Skupper's informers every 30 s and those of pods and ConfigMaps every 5 minutes", () => {
            assert.equal(SKUPPER_RESYNC_MS, 30000);
            assert.equal(POD_RESYNC_MS, 300000);
            assert.equal(CONFIG_MAP_RESYNC_MS, 300000);
        });

        it("configures a pair whose Site appeared after it at the resync of Skupper's informers, 30 s on", () => {
            const cluster = new FakeCluster();
            cluster.addPod("backend-0");
            const connector = cluster.addConnector();
            const binding = cluster.addBinding();
            cluster.settle();
            cluster.addSite();
            cluster.settle();
            cluster.nextPollAt(29);
            cluster.poll();
            assert.ok(binding.status === undefined, "nothing written on the binding");
            assert.equal(connector.status.message, NO_BINDING);

            cluster.nextPollAt(30);
            cluster.settle();
            assert.equal(connector.status.status, "Ready");
            assert.equal(condition(binding, "Configured").status, "True");
        });

        it("rewrites a connector status changed behind its back only at its pod watcher's resync, 5 minutes on", () => {
            const { cluster, connector } = readyPair();
            const tamper = () =>
                cluster.update(
                    connector,
                    (c) => (c.status = { status: "Error", message: "tampered", conditions: [] }),
                    false,
                );
            tamper();
            cluster.nextPollAt(299);
            cluster.poll();
            assert.equal(connector.status.message, "tampered", "its own resyncs every 30 s do not touch it");

            cluster.nextPollAt(300); // the pod watcher started at the first poll
            cluster.settle();
            assert.deepEqual([connector.status.status, connector.status.message], ["Ready", "OK"]);
        });

        it("re-reads the network status at the ConfigMaps' resync, 5 minutes on", () => {
            const { cluster } = readyPair();
            const site = cluster.sites[0];
            cluster.setListeners("west", [{ name: "backend-listener", address: "backend" }]);
            cluster.settle();
            assert.equal(site.status.sitesInNetwork, 1);
            cluster.update(site, (s) => delete s.status.network, false);
            cluster.nextPollAt(299);
            cluster.poll();
            assert.equal(site.status.network, undefined, "the Site's own resyncs do not restore it");

            cluster.nextPollAt(300);
            cluster.settle();
            assert.equal(site.status.network.length, 1);
        });
    });

    describe("a restart", () => {
        it("after a restart, watches the pods of a pair whose status it set and set back in one pass", () => {
            const cluster = new FakeCluster();
            cluster.addSite();
            const connector = cluster.addConnector();
            const binding = cluster.addBinding();
            cluster.poll();
            assert.equal(connector.status.message, "Not ready");
            cluster.restart();
            cluster.addPod("backend-0");
            // The connector comes first again ("no binding"), the binding sets it back to
            // "Not ready": nothing to PUT, but both writes came back, and that starts the pod watcher.
            cluster.settle();
            assert.equal(connector.status.status, "Ready");
            assert.equal(condition(binding, "Configured").status, "True");
        });

        it("keeps the Site that was active, whichever comes first in the lists", () => {
            const cluster = new FakeCluster();
            const first = cluster.addSite("west", "first");
            const second = cluster.addSite("west", "second");
            cluster.settle();
            assert.equal(second.status.message, "An active site already exists in the namespace (first)");
            cluster.sites.reverse();
            cluster.update(first, (s) => (s.metadata.labels = { touched: "yes" }), false);
            cluster.restart();
            cluster.settle();
            assert.equal(condition(first, "Configured").status, "True");
            assert.equal(second.status.message, "An active site already exists in the namespace (first)");
        });
    });
});
