// A Site's link access: its Service, the endpoints its load balancer's address gives, and
// Resolved (linkAccess.ts).
import * as assert from "node:assert/strict";
import { condition, FakeCluster } from "./fakeCluster";
import { endpointsOf, linkAccessService } from "./linkAccess";
import { KubeObject } from "./objects";

const ROUTER = { "skupper.io/component": "router", "skupper.io/type": "site" };

/** A Site with link access and its running router pod, settled. */
function linkedSite(linkAccess = "default"): { cluster: FakeCluster; site: KubeObject } {
    const cluster = new FakeCluster();
    const site = cluster.addSite("west", "west", { linkAccess });
    cluster.addPod("skupper-router-0", { namespace: "west", labels: ROUTER });
    cluster.settle();
    return { cluster, site };
}

/** The Service as the emulator's process creates it, given an address as the cloud would. */
function balanced(cluster: FakeCluster, site: KubeObject, ip?: string): KubeObject {
    const wanted = linkAccessService(site)!;
    const service = cluster.object("west", wanted.metadata.name, wanted.spec, wanted.metadata);
    if (ip) service.status = { loadBalancer: { ingress: [{ ip, ipMode: "VIP" }] } };
    cluster.services.push(service);
    return service;
}

describe("Skupper status emulator: link access", () => {
    it("wants a LoadBalancer Service skupper-router for `default` and `loadbalancer`, with the router's two roles", () => {
        const site: KubeObject = { metadata: { name: "west", namespace: "west", uid: "u-1" }, spec: {} };
        for (const linkAccess of ["default", "loadbalancer"]) {
            const service = linkAccessService({ ...site, spec: { linkAccess } })!;
            assert.equal(service.metadata.name, "skupper-router");
            assert.equal(service.spec.type, "LoadBalancer");
            assert.deepEqual(service.spec.selector, {
                "skupper.io/component": "router",
                "skupper.io/group": "skupper-router",
            });
            assert.deepEqual(
                service.spec.ports.map((p: any) => `${p.name} ${p.port}`),
                ["inter-router 55671", "edge 45671"],
            );
            assert.equal(service.metadata.ownerReferences?.[0].uid, "u-1");
        }
        for (const linkAccess of [undefined, "none", "route", "local"])
            assert.equal(linkAccessService({ ...site, spec: { linkAccess } }), undefined, String(linkAccess));
    });

    it("gives an endpoint per port and address (ip, else hostname), in group skupper-router", () => {
        const site: KubeObject = { metadata: { name: "west", namespace: "west" }, spec: { linkAccess: "default" } };
        const service = linkAccessService(site)!;
        assert.deepEqual(endpointsOf(service), []);
        service.status = { loadBalancer: { ingress: [{ ip: "127.9.255.1" }, { hostname: "lb.example" }, {}] } };
        assert.deepEqual(endpointsOf(service), [
            { name: "inter-router", host: "127.9.255.1", port: "55671", group: "skupper-router" },
            { name: "edge", host: "127.9.255.1", port: "45671", group: "skupper-router" },
            { name: "inter-router", host: "lb.example", port: "55671", group: "skupper-router" },
            { name: "edge", host: "lb.example", port: "45671", group: "skupper-router" },
        ]);
    });

    it("keeps a Site with link access Pending 'Pending' until its Service has an address, then Ready with the endpoints", () => {
        const { cluster, site } = linkedSite();
        assert.deepEqual([site.status.status, site.status.message], ["Pending", "Pending"]);
        assert.deepEqual(condition(site, "Resolved").reason, "Pending");
        assert.equal(site.status.endpoints, undefined);

        const service = balanced(cluster, site);
        cluster.settle();
        assert.equal(site.status.message, "Pending", "a Service without an address resolves nothing");
        cluster.update(service, (s) => (s.status = { loadBalancer: { ingress: [{ ip: "127.27.255.1" }] } }), false);
        cluster.settle();
        assert.deepEqual([site.status.status, site.status.message], ["Ready", "OK"]);
        assert.equal(condition(site, "Resolved").status, "True");
        assert.deepEqual(site.status.endpoints, [
            { name: "inter-router", host: "127.27.255.1", port: "55671", group: "skupper-router" },
            { name: "edge", host: "127.27.255.1", port: "45671", group: "skupper-router" },
        ]);
        // Configured; Resolved Pending (Running, missing, still decides); Running; the endpoints.
        assert.deepEqual(cluster.writesOn(site), [
            "Pending Not Running",
            "Pending Not Running",
            "Pending Pending",
            "Ready OK",
        ]);
    });

    it("resolves a Site whose Service had its address already when the Site was handled", () => {
        const cluster = new FakeCluster();
        const site = cluster.addSite("west", "west", { linkAccess: "loadbalancer" });
        balanced(cluster, site, "127.27.255.1");
        cluster.settle();
        assert.equal(condition(site, "Resolved").status, "True");
        assert.equal(site.status.message, "Not Running", "Running comes first");
    });

    it("needs no Resolved without link access, and drops the endpoints when the address goes", () => {
        const plain = linkedSite("none");
        assert.equal(condition(plain.site, "Resolved"), undefined);
        assert.equal(plain.site.status.message, "OK");

        const { cluster, site } = linkedSite();
        const service = balanced(cluster, site, "127.27.255.1");
        cluster.settle();
        cluster.update(service, (s) => (s.status = {}), false);
        cluster.settle();
        assert.equal(site.status.endpoints, undefined);
        assert.deepEqual([site.status.status, site.status.message], ["Pending", "Pending"]);
    });

    it("refuses a link access Skupper does not offer, as an error on Configured", () => {
        const cluster = new FakeCluster();
        const site = cluster.addSite("west", "west", { linkAccess: "carrier-pigeon" });
        cluster.settle();
        assert.deepEqual(
            [site.status.status, site.status.message],
            ["Error", "Unsupported value for LinkAccess: carrier-pigeon"],
        );
        assert.equal(condition(site, "Resolved"), undefined);
        assert.deepEqual(cluster.model.exposingNamespaces(), [], "the Site is not initialised");
    });
});
