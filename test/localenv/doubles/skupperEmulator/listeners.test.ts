// The status Skupper 2.2.1 writes on Listeners: Configured when a Site is active in the
// namespace, Matched and hasMatchingConnector from the network's connectors, Ready from both.
import * as assert from "node:assert/strict";
import { condition, conditionState, FakeCluster } from "./fakeCluster";

const REMOTE_ORDERS = { address: "orders", destHost: "10.1.2.3" };

function siteWithListener() {
    const cluster = new FakeCluster();
    cluster.addSite();
    const listener = cluster.addListener();
    cluster.settle();
    return { cluster, listener };
}

describe("Skupper status emulator: Listeners", () => {
    it("tells a Listener in a namespace without a Site: Configured False 'No active site in namespace'", () => {
        const cluster = new FakeCluster();
        const listener = cluster.addListener();
        cluster.settle();
        assert.deepEqual([listener.status.status, listener.status.message], ["Error", "No active site in namespace"]);
        assert.deepEqual(conditionState(listener, "Configured"), {
            type: "Configured",
            status: "False",
            reason: "Error",
            message: "No active site in namespace",
            observedGeneration: 1,
            lastTransitionTime: undefined,
        });
        assert.equal(condition(listener, "Ready").status, "False");
        assert.equal(condition(listener, "Matched"), undefined);
    });

    it("configures a Listener with an active Site: Configured True, Pending 'Not Matched' until the network is read", () => {
        const { listener } = siteWithListener();
        assert.deepEqual(conditionState(listener, "Configured"), {
            type: "Configured",
            status: "True",
            reason: "Ready",
            message: "OK",
            observedGeneration: 1,
            lastTransitionTime: undefined,
        });
        assert.deepEqual([listener.status.status, listener.status.message], ["Pending", "Not Matched"]);
        assert.equal(listener.status.hasMatchingConnector, undefined);
    });

    it("sets Matched from the network: a connector with its routing key and a destHost, in any site", () => {
        const { cluster, listener } = siteWithListener();
        cluster.setNetwork("west", { connectors: [{ address: "backend", destHost: "10.1.2.4" }] });
        cluster.settle();
        // Matched is written as soon as the network is read, even with no match.
        assert.deepEqual(conditionState(listener, "Matched"), {
            type: "Matched",
            status: "False",
            reason: "Pending",
            message: "No matching connectors",
            observedGeneration: 1,
            lastTransitionTime: undefined,
        });
        assert.deepEqual([listener.status.status, listener.status.message], ["Pending", "No matching connectors"]);

        cluster.setNetwork("west", {
            listeners: [{ name: "orders-listener", address: "orders" }],
            connectors: [{ address: "orders", destHost: "" }],
        });
        cluster.settle();
        assert.equal(listener.status.hasMatchingConnector, undefined, "a listener or a connector without destHost");

        cluster.setNetwork("west", { connectors: [REMOTE_ORDERS] });
        cluster.settle();
        assert.equal(listener.status.hasMatchingConnector, true);
        assert.deepEqual(
            [condition(listener, "Matched").status, condition(listener, "Matched").message],
            ["True", "OK"],
        );
        assert.deepEqual([listener.status.status, listener.status.message], ["Ready", "OK"]);
        assert.equal(condition(listener, "Ready").status, "True");

        cluster.setNetwork("west", {});
        cluster.settle();
        assert.equal(listener.status.hasMatchingConnector, undefined, "false is omitted");
        assert.equal(condition(listener, "Matched").message, "No matching connectors");
    });

    it("reads only the network status of the Listener's own namespace", () => {
        const { cluster, listener } = siteWithListener();
        cluster.setNetwork("elsewhere", { connectors: [REMOTE_ORDERS] });
        cluster.settle();
        assert.equal(condition(listener, "Matched"), undefined);
    });

    it("evaluates a Listener that appears after the network was read only when the network changes", () => {
        const { cluster } = siteWithListener();
        cluster.setNetwork("west", { connectors: [REMOTE_ORDERS] });
        cluster.settle();
        const late = cluster.addListener({ name: "late", port: 9090 });
        cluster.settle();
        assert.deepEqual([late.status.message, late.status.hasMatchingConnector], ["Not Matched", undefined]);
        cluster.setNetwork("west", { connectors: [REMOTE_ORDERS] });
        cluster.settle();
        assert.equal(late.status.message, "Not Matched", "the same network again changes nothing");

        cluster.setNetwork("west", { connectors: [REMOTE_ORDERS, { address: "other", destHost: "10.1.2.5" }] });
        cluster.settle();
        assert.equal(late.status.hasMatchingConnector, true);
    });

    it("misses a network change that comes while its own Configured write has not come back", () => {
        const { cluster, listener } = siteWithListener();
        cluster.update(listener, (l) => (l.spec.port = 9090));
        cluster.setNetwork("west", { connectors: [REMOTE_ORDERS] });
        cluster.settle();
        // The copy the controller keeps is the one it wrote Configured from: its Matched
        // write is refused, and the retry finds the network already shown on the Site.
        assert.equal(condition(listener, "Configured").observedGeneration, 2);
        assert.equal(listener.status.hasMatchingConnector, undefined);
        assert.equal(listener.status.message, "Not Matched");

        cluster.setNetwork("west", { connectors: [REMOTE_ORDERS, { address: "other", destHost: "10.1.2.5" }] });
        cluster.settle();
        assert.equal(listener.status.hasMatchingConnector, true);
    });

    it("refuses a second Listener for the same host and port, until the first is gone and it is handled again", () => {
        const { cluster, listener } = siteWithListener();
        const second = cluster.addListener({ name: "orders-2", routingKey: "orders-v2" });
        cluster.settle();
        assert.deepEqual(
            [second.status.status, second.status.message],
            ["Error", "Listener orders with host orders and port 8080 already exists in namespace"],
        );
        cluster.remove(cluster.listeners, listener);
        cluster.settle();
        assert.equal(second.status.status, "Error", "nothing tells it at once");
        cluster.nextPollAt(30);
        cluster.settle();
        assert.equal(condition(second, "Configured").status, "True");
    });

    it("a Listener moved onto another's host and port is dropped without a word", () => {
        const { cluster, listener } = siteWithListener();
        const other = cluster.addListener({ name: "other", routingKey: "other", host: "other" });
        cluster.settle();
        cluster.update(other, (l) => (l.spec.host = "orders"));
        cluster.settle();
        assert.equal(condition(other, "Configured").observedGeneration, 1, "no status for its new generation");
        assert.equal(condition(listener, "Configured").status, "True");
    });

    it("a Listener created before its Site is configured at the next resync, 30 s on", () => {
        const cluster = new FakeCluster();
        const listener = cluster.addListener();
        cluster.settle();
        cluster.addSite();
        cluster.settle();
        assert.equal(listener.status.message, "No active site in namespace");
        cluster.nextPollAt(30);
        cluster.settle();
        assert.deepEqual([condition(listener, "Configured").status, listener.status.message], ["True", "Not Matched"]);
    });

    it("tells a Listener its Site was deleted at the next resync: 'No active site in namespace'", () => {
        const { cluster, listener } = siteWithListener();
        cluster.remove(cluster.sites, cluster.sites[0]);
        cluster.settle();
        assert.equal(condition(listener, "Configured").status, "True");
        cluster.nextPollAt(30);
        cluster.settle();
        assert.equal(listener.status.message, "No active site in namespace");
    });

    it("after a restart, a Listener refused for its host and port stays refused", () => {
        const { cluster, listener } = siteWithListener();
        const second = cluster.addListener({ name: "orders-2" });
        cluster.settle();
        // The refused one comes first in the list and in revision order; what the cluster
        // shows of each still decides.
        cluster.update(listener, (l) => (l.metadata.labels = { touched: "yes" }), false);
        cluster.listeners.reverse();
        cluster.restart();
        cluster.settle();
        assert.equal(second.status.status, "Error");
        assert.equal(condition(listener, "Configured").status, "True");
    });
});
