// The network as the controller reads it from skupper-network-status.
import * as assert from "node:assert/strict";
import { countsByRoutingKey, readNetworkStatus, sameNetwork } from "./network";
import { KubeObject } from "./objects";

const configMap = (networkStatus: unknown): KubeObject => ({
    metadata: { name: "skupper-network-status", namespace: "west" },
    data: { NetworkStatus: typeof networkStatus === "string" ? networkStatus : JSON.stringify(networkStatus) },
});

const twoSites = {
    addresses: [],
    siteStatus: [
        {
            site: {
                identity: "east-id",
                name: "east",
                namespace: "east",
                platform: "kubernetes",
                siteVersion: "2.2.1",
            },
            routerStatus: [
                {
                    router: { name: "east-router" },
                    routerAccess: [{ identity: "east-access" }],
                    links: [],
                    listeners: [{ name: "backend", address: "backend" }, { address: "nameless" }],
                    connectors: [{ address: "orders", destHost: "10.0.0.1" }, { address: "hostless" }],
                },
            ],
        },
        {
            site: { identity: "west-id", name: "west" },
            routerStatus: [
                {
                    router: { name: "west-router" },
                    links: [
                        { name: "to-east", peer: "east-access", status: "up" },
                        { name: "to-nowhere", peer: "unknown", status: "up" },
                    ],
                    listeners: [],
                    connectors: [{ address: "orders", destHost: "10.0.0.2" }],
                },
            ],
        },
    ],
};

describe("Skupper status emulator: the network status", () => {
    it("makes one record per site: listeners need a name, connectors a destHost, links a known peer", () => {
        assert.deepEqual(readNetworkStatus(configMap(twoSites)), [
            {
                id: "east-id",
                name: "east",
                namespace: "east",
                platform: "kubernetes",
                version: "2.2.1",
                services: [
                    { routingKey: "orders", connectors: ["10.0.0.1"] },
                    { routingKey: "backend", listeners: ["backend"] },
                ],
            },
            {
                id: "west-id",
                name: "west",
                links: [{ name: "to-east", remoteSiteId: "east-id", remoteSiteName: "east", operational: true }],
                services: [{ routingKey: "orders", connectors: ["10.0.0.2"] }],
            },
        ]);
    });

    it("reads nothing from a ConfigMap without NetworkStatus or with one that is not JSON", () => {
        assert.equal(readNetworkStatus({ metadata: { name: "n", namespace: "west" }, data: {} }), undefined);
        assert.equal(readNetworkStatus(configMap("{not json")), undefined);
        assert.deepEqual(readNetworkStatus(configMap("null")), []);
    });

    it("counts listeners and connectors by routing key over all sites", () => {
        const counts = countsByRoutingKey(readNetworkStatus(configMap(twoSites))!);
        assert.equal(counts.connectors.get("orders"), 2);
        assert.equal(counts.listeners.get("backend"), 1);
        assert.equal(counts.connectors.get("backend"), 0);
    });

    it("takes a network shown with its services in another order as the same", () => {
        const records = readNetworkStatus(configMap(twoSites))!;
        const reordered = records.map((site) => ({ ...site, services: [...(site.services ?? [])].reverse() }));
        assert.ok(sameNetwork(JSON.parse(JSON.stringify(reordered)), records));
        assert.ok(sameNetwork(undefined, []));
        assert.ok(!sameNetwork(undefined, records));
    });
});
