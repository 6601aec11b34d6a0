// The status emulator's process (a test double for emulated mode): what it lists, how it
// PUTs the statuses the model asks for, and that a PUT it made is not taken for a change
// at the next poll. The model itself is tested in skupperEmulator/.
import * as assert from "node:assert/strict";
import { KubeClient, KubeError } from "../cluster/kubeClient";
import { carryOut, pollOnce, readSnapshot, SkupperControllerModel } from "./skupperEmulator";
import { Requests } from "./skupperEmulator/controller";
import { FakeKube } from "./skupperEmulator/fakeKube";
import { KubeObject } from "./skupperEmulator/objects";
import { quietLogs } from "./skupperEmulator/quiet";

const NO_BINDING = "No matching AttachedConnectorBinding in site namespace";

const PLURALS: Record<string, string> = {
    sites: "Site",
    attachedconnectors: "AttachedConnector",
    attachedconnectorbindings: "AttachedConnectorBinding",
    listeners: "Listener",
    accessgrants: "AccessGrant",
};

/** An API server holding a few objects: lists, and PUTs to the status subresource. */
class FakeApiServer {
    revision = 10;
    objects: Record<string, KubeObject[]> = {
        Site: [],
        AttachedConnector: [],
        AttachedConnectorBinding: [],
        Listener: [],
        AccessGrant: [],
    };
    puts: string[] = [];
    conflict = false;

    add(kind: string, name: string, spec: unknown, namespace = "west"): KubeObject {
        const object = { metadata: { name, namespace, generation: 1, resourceVersion: String(++this.revision) }, spec };
        this.objects[kind].push(object);
        return object;
    }

    readonly kube = {
        get: async (path: string) => {
            const plural = path.split("/").pop()!;
            const items = PLURALS[plural] ? this.objects[PLURALS[plural]] : [];
            return { metadata: { resourceVersion: String(this.revision) }, items: JSON.parse(JSON.stringify(items)) };
        },
        request: async (method: string, path: string, body: KubeObject & { kind: string }) => {
            assert.equal(method, "PUT");
            if (this.conflict) throw new KubeError(409, "the object has been modified");
            const stored = this.objects[body.kind].find((o) => o.metadata.name === body.metadata.name)!;
            assert.equal(body.metadata.resourceVersion, stored.metadata.resourceVersion);
            stored.status = body.status;
            stored.metadata.resourceVersion = String(++this.revision);
            this.puts.push(path);
            return { apiVersion: "skupper.io/v2alpha1", kind: body.kind, ...JSON.parse(JSON.stringify(stored)) };
        },
    } as unknown as KubeClient;
}

describe("Skupper status emulator (test double of the 2.2.1 controller): the process", () => {
    quietLogs();

    it("lists every kind it watches, Listeners and AccessGrants included, with each list's revision", async () => {
        const server = new FakeApiServer();
        server.add("Listener", "orders", { routingKey: "orders", host: "orders", port: 8080 });
        server.add("AccessGrant", "to-east", { redemptionsAllowed: 1 });
        const snapshot = await readSnapshot(server.kube, new Date("2026-01-01T00:00:00.123Z"));
        assert.equal(snapshot.listeners.length, 1);
        assert.equal(snapshot.grants?.length, 1);
        assert.deepEqual([snapshot.tokens, snapshot.links, snapshot.services], [[], [], []]);
        const writers = await readSnapshot(server.kube, new Date(), false);
        assert.deepEqual(
            [writers.listeners.length, writers.grants],
            [1, []],
            "the network-status writer lists no grants",
        );
        assert.equal(snapshot.revisions?.Listener, "12");
        assert.equal(snapshot.revisions?.Pod, "12");
        assert.equal(snapshot.now, "2026-01-01T00:00:00Z");
    });

    it("PUTs the statuses that changed to the status subresource, with the listed resourceVersion", async () => {
        const server = new FakeApiServer();
        server.add("Listener", "orders", { routingKey: "orders", host: "orders", port: 8080 });
        const model = new SkupperControllerModel();
        await pollOnce(server.kube, model);
        assert.deepEqual(server.puts, ["/apis/skupper.io/v2alpha1/namespaces/west/listeners/orders/status"]);
        assert.equal(server.objects.Listener[0].status.message, "No active site in namespace");

        await pollOnce(server.kube, model);
        assert.equal(server.puts.length, 1, "nothing more to PUT");
    });

    it("takes an object whose PUT conflicted as changed at the next poll, and writes it then", async () => {
        const server = new FakeApiServer();
        server.add(
            "AttachedConnector",
            "backend",
            { siteNamespace: "west", port: 8080, selector: "app=backend" },
            "shop",
        );
        server.conflict = true;
        const model = new SkupperControllerModel();
        await pollOnce(server.kube, model);
        assert.ok(server.objects.AttachedConnector[0].status === undefined, "not written yet");
        server.conflict = false;
        await pollOnce(server.kube, model);
        assert.equal(server.objects.AttachedConnector[0].status.message, NO_BINDING);
    });

    it("updates a grant that allows no redemption to allow one, its spec PUT with the listed resourceVersion", async () => {
        const api = new FakeKube();
        const path = "/apis/skupper.io/v2alpha1/namespaces/west/accessgrants/to-east";
        const grant = api.put(path, { metadata: { name: "to-east", namespace: "west" }, spec: { code: "c" } });
        const requests = new Requests();
        requests.grantUpdates.push(grant);
        await carryOut(api.kube, requests);
        assert.deepEqual(api.requests, [`PUT ${path}`]);
        assert.deepEqual(api.objects.get(path)!.spec, { code: "c", redemptionsAllowed: 1 });
    });
});
