// Links: Configured at the event after a Link's first, Ready waiting for Operational (links.ts).
import * as assert from "node:assert/strict";
import { condition, FakeCluster } from "./fakeCluster";
import { KubeObject } from "./objects";

const ENDPOINTS = [{ name: "inter-router", host: "127.27.255.1", port: "55671", group: "skupper-router" }];

function addLink(cluster: FakeCluster, name = "to-west", namespace = "east"): KubeObject {
    const link = cluster.object(namespace, name, { endpoints: ENDPOINTS, tlsCredentials: name });
    cluster.links.push(link);
    return link;
}

describe("Skupper status emulator: Links", () => {
    it("configures a new Link only at its next event, the resync 30 s on: Configured, Pending 'Not Operational'", () => {
        const cluster = new FakeCluster();
        cluster.addSite("east", "east");
        cluster.settle();
        cluster.nextPollAt(5);
        const link = addLink(cluster);
        cluster.settle();
        assert.ok(link.status === undefined, "Skupper 2.2.1 only remembers a Link it has not seen before");

        cluster.nextPollAt(30);
        cluster.settle();
        const configured = condition(link, "Configured");
        assert.deepEqual(
            [configured.status, configured.reason, configured.message, configured.observedGeneration],
            ["True", "Ready", "OK", 1],
        );
        assert.deepEqual([link.status.status, link.status.message], ["Pending", "Not Operational"]);
        assert.equal(condition(link, "Ready").status, "False");
        assert.deepEqual(cluster.writesOn(link), ["Pending Not Operational"], "written once");
    });

    it("configures a known Link at a change of it, whatever the change", () => {
        const cluster = new FakeCluster();
        cluster.addSite("east", "east");
        const link = addLink(cluster);
        cluster.settle();
        cluster.update(link, (l) => (l.spec.cost = 5));
        cluster.settle();
        assert.equal(condition(link, "Configured").status, "True");
        assert.equal(condition(link, "Configured").observedGeneration, 2);
    });

    it("tells a Link in a namespace without an initialised Site so at once, at its first event", () => {
        const cluster = new FakeCluster();
        const link = addLink(cluster);
        cluster.settle();
        assert.deepEqual([link.status.status, link.status.message], ["Error", "No active site in namespace"]);

        cluster.addSite("east", "east");
        cluster.settle();
        assert.equal(link.status.message, "No active site in namespace", "the Site's events do not reach its Links");
        cluster.nextPollAt(30);
        cluster.settle();
        assert.deepEqual([link.status.status, link.status.message], ["Pending", "Not Operational"]);
    });

    it("forgets a deleted Link: one made again under its name waits for its next event again", () => {
        const cluster = new FakeCluster();
        cluster.addSite("east", "east");
        const link = addLink(cluster);
        cluster.settle();
        cluster.nextPollAt(30);
        cluster.settle();
        assert.equal(condition(link, "Configured").status, "True");
        cluster.remove(cluster.links, link);
        cluster.settle();
        const again = addLink(cluster);
        cluster.settle();
        assert.ok(again.status === undefined);
    });
});
