// The status of one pair (a binding and its connector) as the emulated controller writes
// it: from the pod watcher's reports, from spec changes, and from the network's listeners.
import * as assert from "node:assert/strict";
import { condition, conditionState, FakeCluster, readyPair } from "./fakeCluster";

const NO_BINDING = "No matching AttachedConnectorBinding in site namespace";
const DIGEST = "pulumi.skupper.io/connector-digest";

describe("Skupper status emulator: an attached connector pair", () => {
    it("configures a pair with a Site and a Ready pod: connector Ready, binding Configured but Pending 'Not Matched'", () => {
        const cluster = new FakeCluster();
        cluster.addSite();
        cluster.addPod("backend-0");
        const connector = cluster.addConnector();
        connector.metadata.generation = 3;
        const binding = cluster.addBinding();
        cluster.settle();

        assert.deepEqual([connector.status.status, connector.status.message], ["Ready", "OK"]);
        assert.deepEqual(conditionState(connector, "Configured"), {
            type: "Configured",
            status: "True",
            reason: "Ready",
            message: "OK",
            observedGeneration: 3,
            lastTransitionTime: undefined,
        });
        assert.equal(condition(connector, "Ready").observedGeneration, 3);
        assert.equal(condition(binding, "Configured").status, "True");
        assert.equal(condition(binding, "Matched"), undefined, "Matched is only written once a listener has been seen");
        assert.equal(binding.status.hasMatchingListener, undefined);
        assert.deepEqual([binding.status.status, binding.status.message], ["Pending", "Not Matched"]);
        assert.deepEqual(conditionState(binding, "Ready"), {
            type: "Ready",
            status: "False",
            reason: "Pending",
            message: "Not Matched",
            observedGeneration: 1,
            lastTransitionTime: undefined,
        });
    });

    it("reports a connector without a binding: Error 'No matching AttachedConnectorBinding in site namespace'", () => {
        const cluster = new FakeCluster();
        cluster.addSite();
        cluster.addPod("backend-0");
        const connector = cluster.addConnector();
        cluster.settle();
        assert.deepEqual([connector.status.status, connector.status.message], ["Error", NO_BINDING]);
        assert.equal(condition(connector, "Configured").reason, "Error");
        assert.equal(condition(connector, "Ready").message, NO_BINDING);
    });

    it("refuses a connector in a namespace the binding does not name", () => {
        const cluster = new FakeCluster();
        cluster.addSite();
        cluster.addPod("backend-0");
        const connector = cluster.addConnector();
        const binding = cluster.addBinding({ connectorNamespace: "other" });
        cluster.settle();
        assert.equal(connector.status.status, "Error");
        assert.equal(
            connector.status.message,
            "AttachedConnectorBinding west/backend does not allow AttachedConnector in shop (only other)",
        );
        assert.equal(binding.status.message, "No matching AttachedConnector");
    });

    it("connector created, then its binding at a later poll: both Configured True once a pod is Running and Ready", () => {
        const cluster = new FakeCluster();
        cluster.addSite();
        const pod = cluster.addPod("backend-0", { phase: "Pending", ready: false });
        const connector = cluster.addConnector();
        cluster.settle();
        assert.equal(connector.status.message, NO_BINDING);

        const binding = cluster.addBinding();
        cluster.settle();
        // The binding says "Not ready" to both; that write's echo starts the pod watcher.
        assert.deepEqual(cluster.writesOn(binding), ["Error Not ready", "Error No matches for selector"]);
        assert.deepEqual(cluster.writesOn(connector), [
            `Error ${NO_BINDING}`,
            "Error Not ready",
            "Error No matches for selector",
        ]);

        cluster.update(
            pod,
            (p) => (p.status = { phase: "Running", conditions: [{ type: "Ready", status: "True" }] }),
            false,
        );
        cluster.settle();
        assert.equal(condition(connector, "Configured").status, "True");
        assert.equal(condition(binding, "Configured").status, "True");
    });

    it("counts only pods that are Running, Ready and not being deleted", () => {
        const cluster = new FakeCluster();
        cluster.addSite();
        cluster.addPod("pending", { phase: "Pending", ready: false });
        cluster.addPod("not-ready", { ready: false });
        cluster.addPod("deleting", { deleting: true });
        cluster.addPod("other-app", { labels: { app: "frontend" } });
        cluster.addPod("other-namespace", { namespace: "elsewhere" });
        const connector = cluster.addConnector();
        cluster.addBinding();
        cluster.settle();
        assert.equal(connector.status.message, "No matches for selector");

        cluster.addPod("backend-0");
        cluster.settle();
        assert.equal(connector.status.status, "Ready");
    });

    it("with includeNotReadyPods counts Running pods that are not Ready, but still not Pending ones", () => {
        const cluster = new FakeCluster();
        cluster.addSite();
        cluster.addPod("pending", { phase: "Pending", ready: false });
        const connector = cluster.addConnector({ includeNotReadyPods: true });
        cluster.addBinding();
        cluster.settle();
        assert.equal(connector.status.message, "No matches for selector");

        cluster.addPod("not-ready", { ready: false });
        cluster.settle();
        assert.equal(connector.status.status, "Ready");
    });

    it("leaves a pair at 'Not ready' while no pod carries the selector's labels, and says 'No matches for selector' once one does", () => {
        const cluster = new FakeCluster();
        cluster.addSite();
        const connector = cluster.addConnector();
        const binding = cluster.addBinding();
        for (let i = 0; i < 5; i++) cluster.poll();
        assert.deepEqual([connector.status.status, connector.status.message], ["Error", "Not ready"]);
        assert.equal(binding.status.message, "Not ready");

        const pod = cluster.addPod("backend-0", { phase: "Pending", ready: false });
        cluster.settle();
        assert.equal(connector.status.message, "No matches for selector");
        cluster.update(
            pod,
            (p) => (p.status = { phase: "Running", conditions: [{ type: "Ready", status: "True" }] }),
            false,
        );
        cluster.settle();
        assert.equal(connector.status.status, "Ready");
        cluster.remove(cluster.pods, pod);
        cluster.settle();
        assert.equal(connector.status.message, "No matches for selector", "a watched pod going away is an event");
    });

    it("follows a spec change of both with observedGeneration", () => {
        const { cluster, connector, binding } = readyPair();
        cluster.update(binding, (b) => (b.spec.routingKey = "backend-v2"));
        cluster.update(connector, (c) => (c.spec.port = 9090));
        cluster.settle();
        assert.equal(condition(binding, "Configured").observedGeneration, 2);
        assert.equal(condition(binding, "Ready").observedGeneration, 2);
        assert.equal(condition(connector, "Configured").observedGeneration, 2);
        assert.equal(condition(connector, "Ready").observedGeneration, 2);
    });

    it("a connector-only change (port), then the binding's digest: the binding's Configured is written for its new generation", () => {
        for (const samePoll of [true, false]) {
            const { cluster, connector, binding } = readyPair();
            cluster.update(connector, (c) => (c.spec.port = 9090));
            if (!samePoll) cluster.settle();
            assert.equal(condition(binding, "Configured").observedGeneration, 1);
            cluster.update(binding, (b) => (b.spec.settings = { [DIGEST]: "0123456789abcdef" }));
            cluster.settle();
            assert.equal(condition(connector, "Configured").observedGeneration, 2);
            assert.equal(condition(binding, "Configured").observedGeneration, 2, `same poll: ${samePoll}`);
            assert.equal(condition(binding, "Configured").status, "True");
            assert.equal(condition(binding, "Ready").observedGeneration, 2);
        }
    });

    it("a selector changed to one no pod matches: nothing until the binding's digest changes, then 'No matches for selector'", () => {
        const { cluster, connector, binding } = readyPair();
        cluster.update(connector, (c) => (c.spec.selector = "app=nothing"));
        cluster.settle();
        assert.equal(connector.status.status, "Ready", "a new watcher that lists no pod reports nothing");
        assert.equal(condition(connector, "Configured").observedGeneration, 1);

        cluster.update(binding, (b) => (b.spec.settings = { [DIGEST]: "fedcba9876543210" }));
        cluster.settle();
        for (const half of [connector, binding]) {
            assert.deepEqual([half.status.status, half.status.message], ["Error", "No matches for selector"]);
            assert.equal(condition(half, "Configured").observedGeneration, 2);
        }
    });

    it("watches the new selector's pods after a selector change, and reports only when they are seen", () => {
        const { cluster, connector } = readyPair();
        cluster.update(connector, (c) => (c.spec.selector = "app=orders"));
        cluster.settle();
        assert.equal(connector.status.status, "Ready");

        cluster.addPod("orders-0", { labels: { app: "orders" } });
        cluster.settle();
        assert.equal(condition(connector, "Configured").observedGeneration, 2);
        cluster.remove(
            cluster.pods,
            cluster.pods.find((p) => p.metadata.name === "backend-0")!,
        );
        cluster.settle();
        assert.equal(connector.status.status, "Ready", "the old selector's pods no longer matter");
    });

    it("writes nothing when nothing changes and keeps lastTransitionTime until a condition's status flips", () => {
        const { cluster, connector } = readyPair();
        const ready = condition(connector, "Ready").lastTransitionTime;
        assert.deepEqual(cluster.poll(), []);
        cluster.update(connector, (c) => (c.metadata.labels = { note: "x" }), false);
        assert.deepEqual(cluster.poll(), []);
        assert.equal(condition(connector, "Ready").lastTransitionTime, ready);

        cluster.update(cluster.pods[0], (p) => (p.status.conditions[0].status = "False"), false);
        cluster.settle();
        assert.equal(connector.status.message, "No matches for selector");
        const failed = condition(connector, "Configured").lastTransitionTime;
        assert.notEqual(failed, ready);
        cluster.addPod("pending", { phase: "Pending", ready: false });
        cluster.settle();
        assert.equal(condition(connector, "Configured").lastTransitionTime, failed, "False to False keeps the time");
    });

    it("makes the binding Ready with hasMatchingListener once a listener with its routing key is in the network", () => {
        const { cluster, binding } = readyPair();
        cluster.setListeners("west", [{ name: "orders-listener", address: "orders" }]);
        cluster.settle();
        assert.equal(binding.status.hasMatchingListener, undefined);
        assert.equal(condition(binding, "Matched"), undefined, "Matched is set only when hasMatchingListener flips");

        cluster.setListeners("west", [
            { name: "orders-listener", address: "orders" },
            { name: "backend-listener", address: "backend" },
        ]);
        cluster.settle();
        assert.equal(binding.status.hasMatchingListener, true);
        assert.deepEqual([condition(binding, "Matched").status, condition(binding, "Matched").message], ["True", "OK"]);
        assert.deepEqual([binding.status.status, binding.status.message], ["Ready", "OK"]);
        assert.equal(condition(binding, "Ready").status, "True");

        cluster.setListeners("west", []);
        cluster.settle();
        assert.equal(binding.status.hasMatchingListener, undefined, "false is omitted");
        assert.deepEqual(
            [condition(binding, "Matched").status, condition(binding, "Matched").reason, binding.status.message],
            ["False", "Pending", "Pending"],
        );
    });
});
