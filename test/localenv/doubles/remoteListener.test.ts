// The remote-site double: what it writes into skupper-network-status, read back the way
// the status emulator (and Skupper's controller) reads it.
import * as assert from "node:assert/strict";
import { KubeClient } from "../cluster/kubeClient";
import { removeRemoteConnector, writeRemoteConnector, writeRemoteListener } from "./remoteListener";
import { countsByRoutingKey, readNetworkStatus } from "./skupperEmulator/network";

/** One namespace's ConfigMaps, behind the three calls the double makes. */
class FakeConfigMaps {
    stored?: { data: { NetworkStatus: string } };
    writes = 0;
    readonly kube = {
        find: async () =>
            this.stored && {
                metadata: { resourceVersion: String(this.writes) },
                ...JSON.parse(JSON.stringify(this.stored)),
            },
        mergePatch: async (_path: string, patch: { data: { NetworkStatus: string } }) => {
            this.stored = { ...this.stored, data: patch.data };
            this.writes++;
        },
        create: async (_path: string, object: { data: { NetworkStatus: string } }) => {
            this.stored = { data: object.data };
            this.writes++;
        },
    } as unknown as KubeClient;

    get status(): any {
        return JSON.parse(this.stored!.data.NetworkStatus);
    }

    counts() {
        const configMap = { metadata: { name: "skupper-network-status", namespace: "west" }, data: this.stored!.data };
        return countsByRoutingKey(readNetworkStatus(configMap)!);
    }
}

describe("remote site double (skupper-network-status)", () => {
    it("writes a remote listener as before: the remote site's router lists it, with an address entry", async () => {
        const configMaps = new FakeConfigMaps();
        await writeRemoteListener(configMaps.kube, "west", "backend");
        assert.deepEqual(configMaps.status, {
            addresses: [{ name: "backend", protocol: "tcp", listenerCount: 1 }],
            siteStatus: [
                {
                    site: { identity: "remote-site", name: "remote", namespace: "remote" },
                    routerStatus: [
                        {
                            router: { name: "remote-router", namespace: "remote" },
                            listeners: [{ name: "backend-listener", address: "backend" }],
                        },
                    ],
                },
            ],
        });
        assert.equal(configMaps.counts().listeners.get("backend"), 1);
    });

    it("writes a remote connector with a destHost, which is what makes a Listener's routing key matched", async () => {
        const configMaps = new FakeConfigMaps();
        await writeRemoteListener(configMaps.kube, "west", "backend");
        await writeRemoteConnector(configMaps.kube, "west", "orders");
        const router = configMaps.status.siteStatus[0].routerStatus[0];
        assert.deepEqual(router.connectors, [{ address: "orders", destHost: "orders.remote", destPort: "8080" }]);
        assert.deepEqual(configMaps.status.addresses[1], {
            name: "orders",
            protocol: "tcp",
            listenerCount: 0,
            connectorCount: 1,
        });
        assert.equal(configMaps.counts().connectors.get("orders"), 1);
        assert.equal(configMaps.counts().listeners.get("backend"), 1, "the listener stays");
    });

    it("writes the same connector twice without changing the report, and removes it", async () => {
        const configMaps = new FakeConfigMaps();
        await writeRemoteConnector(configMaps.kube, "west", "orders", "10.1.2.3");
        const first = configMaps.stored!.data.NetworkStatus;
        await writeRemoteConnector(configMaps.kube, "west", "orders", "10.1.2.3");
        assert.equal(configMaps.stored!.data.NetworkStatus, first);

        await removeRemoteConnector(configMaps.kube, "west", "orders");
        assert.deepEqual(configMaps.status.addresses, []);
        assert.equal(configMaps.counts().connectors.get("orders"), undefined);
    });
});
