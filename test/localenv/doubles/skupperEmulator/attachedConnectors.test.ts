// How events on bindings and connectors reach the pair they concern: deletions, a
// connector pointing at another site namespace, a binding accepting another connector
// namespace, and the workload namespace moving as the component moves it.
import * as assert from "node:assert/strict";
import { condition, readyPair } from "./fakeCluster";

const NO_BINDING = "No matching AttachedConnectorBinding in site namespace";

describe("Skupper status emulator: a site namespace's attached connectors", () => {
    it("reports the binding of a deleted connector, and the connector of a deleted binding", () => {
        const { cluster, connector, binding } = readyPair();
        cluster.remove(cluster.connectors, connector);
        cluster.settle();
        assert.deepEqual([binding.status.status, binding.status.message], ["Error", "No matching AttachedConnector"]);

        const second = readyPair();
        second.cluster.remove(second.cluster.bindings, second.binding);
        second.cluster.settle();
        assert.equal(second.connector.status.message, NO_BINDING);
        assert.equal(condition(second.connector, "Configured").status, "False");
    });

    it("moves a connector whose siteNamespace changes in place", () => {
        const { cluster, connector, binding } = readyPair();
        cluster.addSite("east");
        const eastBinding = cluster.addBinding({ namespace: "east" });
        cluster.settle();
        cluster.update(connector, (c) => (c.spec.siteNamespace = "east"));
        cluster.settle();
        assert.equal(binding.status.message, "No matching AttachedConnector");
        assert.equal(connector.status.status, "Ready");
        assert.equal(condition(connector, "Configured").observedGeneration, 2);
        assert.equal(condition(eastBinding, "Configured").status, "True");

        cluster.update(connector, (c) => (c.spec.siteNamespace = "north"));
        cluster.settle();
        assert.equal(connector.status.message, NO_BINDING);
        assert.equal(eastBinding.status.message, "No matching AttachedConnector");
    });

    it("rebinds a binding whose connectorNamespace changes in place, forgetting the connectors until their next event", () => {
        const { cluster, connector, binding } = readyPair();
        cluster.update(binding, (b) => (b.spec.connectorNamespace = "other"));
        cluster.settle();
        assert.equal(binding.status.message, "No matching AttachedConnector");
        assert.equal(condition(binding, "Configured").observedGeneration, 2);
        assert.equal(connector.status.status, "Ready", "the old connector is not revisited until its next event");

        cluster.update(connector, (c) => (c.metadata.labels = { touched: "yes" }), false);
        cluster.settle();
        assert.equal(
            connector.status.message,
            "AttachedConnectorBinding west/backend does not allow AttachedConnector in shop (only other)",
        );
    });

    it("the workload namespace moving: the new connector, the binding deleted and re-created, the old connector deleted", () => {
        const { cluster, connector, binding } = readyPair();
        cluster.addPod("backend-0", { namespace: "shop2" });
        const moved = cluster.addConnector({ namespace: "shop2" });
        cluster.settle();
        assert.equal(
            moved.status.message,
            "AttachedConnectorBinding west/backend does not allow AttachedConnector in shop2 (only shop)",
        );

        cluster.remove(cluster.bindings, binding);
        cluster.settle();
        assert.equal(connector.status.message, NO_BINDING);
        assert.equal(moved.status.message, NO_BINDING);

        const rebound = cluster.addBinding({ connectorNamespace: "shop2" });
        cluster.settle();
        assert.equal(condition(rebound, "Configured").status, "True");
        assert.equal(moved.status.status, "Ready");
        assert.equal(
            connector.status.message,
            "AttachedConnectorBinding west/backend does not allow AttachedConnector in shop (only shop2)",
        );

        // Deleting any connector of the name stops the pod watcher, the accepted one's too:
        // the pair is "Not ready" until that write's echo starts a new one.
        cluster.remove(cluster.connectors, connector);
        cluster.settle();
        assert.deepEqual(cluster.writesOn(rebound).slice(-2), ["Error Not ready", "Pending Not Matched"]);
        assert.equal(condition(rebound, "Configured").status, "True");
        assert.equal(moved.status.status, "Ready");
    });

    it("the binding deleted and re-created within one poll is seen as one change of its spec", () => {
        const { cluster, binding } = readyPair();
        cluster.addPod("backend-0", { namespace: "shop2" });
        cluster.addConnector({ namespace: "shop2" });
        cluster.settle();
        cluster.remove(cluster.bindings, binding);
        const rebound = cluster.addBinding({ connectorNamespace: "shop2" });
        cluster.settle();
        // A new record for the new connector namespace: it knows no connector until one's
        // next event, at the latest the informers' resync, 30 s after the controller started.
        assert.deepEqual(cluster.writesOn(rebound), ["Error No matching AttachedConnector"]);
        cluster.nextPollAt(30);
        cluster.settle();
        assert.equal(condition(rebound, "Configured").status, "True");
    });
});
