// The Services the emulator creates for Listeners, as Skupper's site does (listenerServices.ts).
import * as assert from "node:assert/strict";
import { CONTROLLED_ANNOTATION, LISTENER_LABEL, planServices, wantedServices } from "./listenerServices";
import { KubeObject } from "./objects";

const site: KubeObject = { metadata: { name: "site", namespace: "east", uid: "u-1" } };
const listener = (name: string, host: string, port: number): KubeObject => ({
    metadata: { name, namespace: "east" },
    spec: { routingKey: name, host, port },
});

describe("the Services of Listeners", () => {
    it("names each after a host, owned by the Site, with a port per Listener named after it", () => {
        const wanted = wantedServices([
            { namespace: "east", site, listeners: [listener("orders", "shop", 8080), listener("carts", "shop", 9090)] },
        ]);
        assert.deepEqual([...wanted.keys()], ["east/shop"]);
        const service = wanted.get("east/shop")!;
        assert.deepEqual(service.metadata.ownerReferences, [
            { apiVersion: "skupper.io/v2alpha1", kind: "Site", name: "site", uid: "u-1" },
        ]);
        assert.equal(service.metadata.labels?.[LISTENER_LABEL], "orders");
        assert.deepEqual(
            service.spec.ports.map((p: any) => [p.name, p.port]),
            [
                ["orders", 8080],
                ["carts", 9090],
            ],
        );
    });

    it("creates what is missing, updates changed ports, and deletes only its own stale Services in Site namespaces", () => {
        const wanted = wantedServices([{ namespace: "east", site, listeners: [listener("orders", "shop", 8080)] }]);
        const controlled = (namespace: string, name: string, ports: unknown[] = []): KubeObject => ({
            metadata: { name, namespace, annotations: { [CONTROLLED_ANNOTATION]: "true" } },
            spec: { ports },
        });
        const none = planServices(wanted, [], new Set(["east"]));
        assert.deepEqual(
            none.create.map((s) => s.metadata.name),
            ["shop"],
        );
        const plan = planServices(
            wanted,
            [
                controlled("east", "shop", [{ name: "orders", port: 80, protocol: "TCP" }]),
                controlled("east", "gone"),
                controlled("other", "gone"),
                { metadata: { name: "mine", namespace: "east" }, spec: {} },
            ],
            new Set(["east"]),
        );
        assert.deepEqual(plan.create, []);
        assert.deepEqual(
            plan.update.map((s) => s.spec.ports[0].port),
            [8080],
        );
        assert.deepEqual(
            plan.remove.map((s) => `${s.metadata.namespace}/${s.metadata.name}`),
            ["east/gone"],
        );
    });
});
