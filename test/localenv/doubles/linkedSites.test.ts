// Which sites share a network across the environment's clusters, as the network-status
// writer reports them: a configured Link joins its site to the site whose link access it
// points at, transitively; an unconfigured one, or one to no known site, joins nothing.
import * as assert from "node:assert/strict";
import { networksOf, PlacedSite } from "./linkedSites";
import { KubeObject } from "./skupperEmulator/objects";

const site = (cluster: string, namespace: string, host?: string): PlacedSite => ({
    cluster,
    site: {
        metadata: { namespace, name: namespace, uid: `${cluster}-${namespace}` },
        status: host ? { endpoints: [{ name: "inter-router", host, port: "55671" }] } : {},
    } as unknown as KubeObject,
});

const link = (cluster: string, namespace: string, host: string, configured = true) => ({
    cluster,
    link: {
        metadata: { namespace, name: "to-west" },
        spec: { endpoints: [{ name: "inter-router", host, port: "55671" }] },
        status: { conditions: [{ type: "Configured", status: configured ? "True" : "False" }] },
    } as unknown as KubeObject,
});

const names = (network: PlacedSite[] | undefined) =>
    (network ?? []).map((s) => `${s.cluster}/${s.site.metadata.namespace}`).sort();

describe("linked sites (one network across clusters)", () => {
    const sites = [
        site("a", "west", "127.9.255.1"),
        site("b", "east"),
        site("b", "north", "127.8.255.1"),
        site("a", "alone"),
    ];

    it("joins a site to the site its configured Link points at, and what is linked to either", () => {
        const networks = networksOf(sites, [link("b", "east", "127.9.255.1"), link("a", "west", "127.8.255.1")]);
        assert.deepEqual(names(networks.get("b/east")), ["a/west", "b/east", "b/north"]);
        assert.deepEqual(names(networks.get("a/west")), ["a/west", "b/east", "b/north"]);
        assert.deepEqual(names(networks.get("a/alone")), ["a/alone"]);
    });

    it("joins nothing through a Link not configured yet, or to an address no site has", () => {
        const networks = networksOf(sites, [
            link("b", "east", "127.9.255.1", false),
            link("b", "north", "127.7.255.1"),
        ]);
        assert.deepEqual(names(networks.get("b/east")), ["b/east"]);
        assert.deepEqual(names(networks.get("b/north")), ["b/north"]);
    });

    it("tells a namespace of one cluster from the same namespace of another", () => {
        const networks = networksOf(
            [site("a", "west", "127.9.255.1"), site("b", "west")],
            [link("b", "west", "127.9.255.1")],
        );
        assert.deepEqual(names(networks.get("b/west")), ["a/west", "b/west"]);
    });
});
