// A namespace's Site: its own status, the one active Site per namespace, and the network
// read from the namespace's skupper-network-status, which the Site's status shows.
import * as assert from "node:assert/strict";
import { condition, FakeCluster, readyPair } from "./fakeCluster";

describe("Skupper status emulator: Sites and the network", () => {
    it("writes a Site's status as the controller does before its router pod runs: Configured, Pending 'Not Running'", () => {
        const cluster = new FakeCluster();
        const site = cluster.addSite();
        const second = cluster.addSite("west", "second");
        cluster.settle();
        assert.deepEqual(
            [site.status.status, site.status.message, site.status.defaultIssuer],
            ["Pending", "Not Running", "skupper-site-ca"],
        );
        assert.equal(condition(site, "Configured").status, "True");
        assert.equal(condition(site, "Running"), undefined);
        assert.equal(second.status.status, "Error");
        assert.equal(second.status.message, "An active site already exists in the namespace (site)");
        assert.equal(second.status.defaultIssuer, undefined);
    });

    it("takes defaultIssuer from the spec", () => {
        const cluster = new FakeCluster();
        const site = cluster.addSite("west", "site", { defaultIssuer: "my-ca", linkAccess: "default" });
        cluster.settle();
        assert.equal(site.status.defaultIssuer, "my-ca");
        assert.equal(site.status.message, "Not Running");
    });

    it("shows the network on the active Site: one record per site with its services, and sitesInNetwork", () => {
        const { cluster } = readyPair();
        cluster.setNetwork("west", {
            listeners: [{ name: "backend-listener", address: "backend" }],
            connectors: [{ address: "orders", destHost: "10.1.2.3" }],
        });
        cluster.settle();
        const site = cluster.sites[0];
        assert.deepEqual(site.status.network, [
            {
                id: "remote-id",
                name: "remote",
                services: [
                    { routingKey: "orders", connectors: ["10.1.2.3"] },
                    { routingKey: "backend", listeners: ["backend-listener"] },
                ],
            },
        ]);
        assert.equal(site.status.sitesInNetwork, 1);
        assert.equal(site.status.message, "Not Running", "the rest of its status is kept");
    });

    it("ignores a rewrite of the ConfigMap that shows the same network, its services in another order too", () => {
        const { cluster } = readyPair();
        const listeners = [
            { name: "backend-listener", address: "backend" },
            { name: "orders-listener", address: "orders" },
        ];
        cluster.setListeners("west", listeners);
        cluster.settle();
        const late = cluster.addBinding({ name: "late", routingKey: "backend" });
        cluster.settle();
        assert.equal(late.status.hasMatchingListener, undefined);

        cluster.setListeners("west", [...listeners].reverse());
        assert.deepEqual(cluster.poll(), [], "nothing is re-evaluated");
        cluster.settle();
        assert.equal(late.status.hasMatchingListener, undefined);
    });

    it("after a restart, a network the Site already shows changes nothing either", () => {
        const { cluster } = readyPair();
        cluster.setListeners("west", [{ name: "backend-listener", address: "backend" }]);
        cluster.settle();
        const late = cluster.addBinding({ name: "late", routingKey: "backend" });
        cluster.settle();
        cluster.restart();
        cluster.settle();
        assert.equal(late.status.hasMatchingListener, undefined);
        assert.equal(late.status.message, "No matching AttachedConnector");
    });

    it("reads no network before a Site is handled in the namespace, and not again until the network changes", () => {
        const cluster = new FakeCluster();
        cluster.setListeners("west", [{ name: "backend-listener", address: "backend" }]);
        cluster.settle();
        const site = cluster.addSite();
        cluster.settle();
        assert.equal(site.status.network, undefined);
        cluster.setListeners("west", [{ name: "other", address: "other" }]);
        cluster.settle();
        assert.equal(site.status.network[0].services[0].routingKey, "other");
    });

    it("a Site deleted and made again starts afresh: its pairs wait for their next events", () => {
        const { cluster, connector, binding } = readyPair();
        const site = cluster.sites[0];
        cluster.remove(cluster.sites, site);
        cluster.settle();
        const again = cluster.addSite("west", "again");
        cluster.settle();
        assert.equal(condition(again, "Configured").status, "True");
        assert.equal(connector.status.status, "Ready", "nothing is written on the pair meanwhile");
        cluster.nextPollAt(30);
        cluster.settle();
        assert.equal(condition(binding, "Configured").status, "True");
        assert.equal(connector.status.status, "Ready");
    });

    it("counts a listener of the site namespace's network status only with both a name and an address", () => {
        const { cluster, binding } = readyPair();
        cluster.setListeners("west", [{ name: "", address: "backend" }]);
        cluster.settle();
        assert.equal(binding.status.hasMatchingListener, undefined);
        cluster.setListeners("elsewhere", [{ name: "backend-listener", address: "backend" }]);
        cluster.settle();
        assert.equal(binding.status.hasMatchingListener, undefined, "only the site namespace's network status counts");
        cluster.setListeners("west", [{ name: "backend-listener", address: "backend" }]);
        cluster.settle();
        assert.equal(binding.status.hasMatchingListener, true);
    });
});
