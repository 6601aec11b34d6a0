// The network-status writer's report, read back the way Skupper's controller (and the
// status emulator) reads it: a Listener of the site makes its routing key listened to,
// a binding's selected pods make it connected, other sites' entries are kept.
import * as assert from "node:assert/strict";
import { PodView } from "../dataplane/podServers";
import { NetworkStatus, siteEntry, withSiteEntry } from "./networkStatus";
import { hasRouter } from "./networkStatusWriter";
import { countsByRoutingKey, readNetworkStatus } from "./skupperEmulator/network";
import { KubeObject } from "./skupperEmulator/objects";

const object = (namespace: string, name: string, spec: Record<string, unknown>): KubeObject =>
    ({ metadata: { namespace, name, uid: `${namespace}-${name}` }, spec }) as unknown as KubeObject;

const pod = (name: string, ip: string, labels: Record<string, string>, ready = true): PodView => ({
    metadata: { namespace: "shop", name, uid: name, labels },
    status: { phase: "Running", podIP: ip, conditions: [{ type: "Ready", status: ready ? "True" : "False" }] },
});

const world = {
    site: object("west", "site", {}),
    listeners: [object("west", "frontend", { routingKey: "backend", host: "frontend", port: 9000 })],
    connectors: [object("shop", "backend", { siteNamespace: "west", selector: "app=backend", port: 8080 })],
    bindings: [object("west", "backend", { connectorNamespace: "shop", routingKey: "backend" })],
    pods: [
        pod("backend-1", "10.244.0.5", { app: "backend" }),
        pod("backend-2", "10.244.0.6", { app: "backend" }, false),
        pod("other", "10.244.0.7", { app: "other" }),
    ],
};

function counts(status: NetworkStatus) {
    const configMap = {
        metadata: { name: "skupper-network-status", namespace: "west" },
        data: { NetworkStatus: JSON.stringify(status) },
    };
    return countsByRoutingKey(readNetworkStatus(configMap as unknown as KubeObject)!);
}

describe("network-status writer (what a router's collector reports)", () => {
    it("lists the site's listeners and a connector for every ready pod a binding routes to", () => {
        const entry = siteEntry(world);
        const router = entry.routerStatus[0];
        assert.deepEqual(
            router.listeners.map((l) => [l.name, l.address]),
            [["listener/frontend", "backend"]],
        );
        assert.deepEqual(
            router.connectors.map((c) => [c.address, c.destHost, c.destPort]),
            [["backend", "10.244.0.5", "8080"]],
        );
        const status = withSiteEntry(undefined, entry);
        assert.deepEqual(status.addresses, [
            { name: "backend", startTime: 0, endTime: 0, protocol: "tcp", listenerCount: 1, connectorCount: 1 },
        ]);
        const read = counts(status);
        assert.deepEqual([read.listeners.get("backend"), read.connectors.get("backend")], [1, 1]);
    });

    it("routes nothing for a binding whose connector names another site, and lists no listener of another namespace", () => {
        const entry = siteEntry({
            ...world,
            listeners: [object("east", "frontend", { routingKey: "backend" })],
            connectors: [object("shop", "backend", { siteNamespace: "east", selector: "app=backend", port: 8080 })],
        });
        assert.deepEqual([entry.routerStatus[0].listeners, entry.routerStatus[0].connectors], [[], []]);
    });

    it("keeps other sites' entries and replaces its own", () => {
        const remote = {
            site: { identity: "remote-site", namespace: "remote" },
            routerStatus: [{ router: {}, links: [], listeners: [{ name: "l", address: "orders" }], connectors: [] }],
        };
        const first = withSiteEntry({ addresses: [], siteStatus: [remote] }, siteEntry(world));
        const second = withSiteEntry(first, siteEntry({ ...world, listeners: [] }));
        assert.deepEqual(
            second.siteStatus.map((s) => s.site.identity),
            ["west-site", "remote-site"],
        );
        assert.deepEqual(
            second.addresses.map((a) => [a.name, a.listenerCount, a.connectorCount]),
            [
                ["backend", 0, 1],
                ["orders", 1, 0],
            ],
        );
    });
});

describe("network-status writer: which sites it reports", () => {
    const site = (conditions: unknown[]) =>
        ({ metadata: { namespace: "west", name: "site" }, status: { conditions } }) as unknown as KubeObject;

    it("reports a site only once the controller has configured it, as its router would start only then", () => {
        assert.equal(hasRouter(site([])), false, "a Site the controller has not handled yet");
        assert.equal(hasRouter(site([{ type: "Configured", status: "False" }])), false);
        assert.equal(hasRouter(site([{ type: "Configured", status: "True" }])), true);
    });
});
