// AccessGrants: their status as the controller with a grant server writes it (grants.ts).
import * as assert from "node:assert/strict";
import { condition, FakeCluster } from "./fakeCluster";
import { parseGoDuration, randomCode } from "./grants";
import { KubeObject } from "./objects";

const SERVER = { baseUrl: "127.0.0.1:8443", ca: "-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----\n" };

function addGrant(cluster: FakeCluster, spec: Record<string, unknown>, namespace = "west"): KubeObject {
    const grant = cluster.object(namespace, "to-east", spec);
    cluster.grants.push(grant);
    return grant;
}

describe("Skupper status emulator: AccessGrants", () => {
    it("writes the URL of the grant server for the grant, the CA, a code, the expiration, and Ready", () => {
        const cluster = new FakeCluster({ grantServer: SERVER });
        const grant = addGrant(cluster, { redemptionsAllowed: 1, expirationWindow: "30m" });
        cluster.settle();
        assert.equal(grant.status.url, `https://127.0.0.1:8443/${grant.metadata.uid}`);
        assert.equal(grant.status.ca, SERVER.ca);
        assert.match(grant.status.code, /^[A-Za-z0-9]{24}$/);
        assert.equal(grant.status.expirationTime, "2026-01-01T01:30:01Z", "30 minutes after the poll that handled it");
        assert.deepEqual([grant.status.status, grant.status.message], ["Ready", "OK"]);
        for (const type of ["Processed", "Resolved", "Ready"]) assert.equal(condition(grant, type).status, "True");
        assert.equal(grant.status.redemptions, undefined, "none counted yet");
        assert.deepEqual(cluster.writesOn(grant), ["Ready OK"], "one write");
    });

    it("in a namespace without a Site too, with the spec's code, and 10 minutes when no window is given", () => {
        const cluster = new FakeCluster({ grantServer: SERVER });
        const grant = addGrant(cluster, { redemptionsAllowed: 2, code: "my-code" }, "nosite");
        cluster.settle();
        assert.equal(grant.status.code, "my-code");
        assert.equal(grant.status.expirationTime, "2026-01-01T01:10:01Z");
    });

    it("keeps the code and the expiration once written, even when the window changes", () => {
        const cluster = new FakeCluster({ grantServer: SERVER });
        const grant = addGrant(cluster, { redemptionsAllowed: 1, expirationWindow: "30m" });
        cluster.settle();
        const { code, expirationTime } = grant.status;
        cluster.update(grant, (g) => (g.spec.expirationWindow = "1h"));
        cluster.settle();
        assert.deepEqual([grant.status.code, grant.status.expirationTime], [code, expirationTime]);
        assert.equal(condition(grant, "Processed").observedGeneration, 2);
    });

    it("asks for its spec to allow one redemption when it allows none, and writes no status until then", () => {
        const cluster = new FakeCluster({ grantServer: SERVER });
        const grant = addGrant(cluster, { expirationWindow: "30m" });
        cluster.settle();
        assert.ok(grant.status === undefined);
        const { grantUpdates } = cluster.model.takeRequests();
        assert.deepEqual(
            grantUpdates.map((g) => g.metadata.name),
            ["to-east"],
        );
        cluster.update(grant, (g) => (g.spec.redemptionsAllowed = 1));
        cluster.settle();
        assert.equal(grant.status.status, "Ready");
        assert.deepEqual(cluster.model.takeRequests().grantUpdates, []);
    });

    it("makes an expirationWindow that is no Go duration an Error of Processed, as Skupper words it", () => {
        const cluster = new FakeCluster({ grantServer: SERVER });
        const grant = addGrant(cluster, { redemptionsAllowed: 1, expirationWindow: "30 minutes" });
        cluster.settle();
        const message = 'Invalid duration "30 minutes": time: unknown unit " minutes" in duration "30 minutes"';
        assert.deepEqual([grant.status.status, grant.status.message], ["Error", message]);
        assert.equal(condition(grant, "Resolved").status, "True", "the URL and CA are still given");
        assert.equal(grant.status.expirationTime, undefined);
    });

    it("finds a grant by its uid for the grant server, and forgets it when it is deleted", () => {
        const cluster = new FakeCluster({ grantServer: SERVER });
        const grant = addGrant(cluster, { redemptionsAllowed: 1 });
        cluster.settle();
        assert.equal(cluster.model.grants.claim(grant.metadata.uid!), "west/to-east");
        cluster.remove(cluster.grants, grant);
        cluster.settle();
        assert.equal(cluster.model.grants.claim(grant.metadata.uid!), undefined);
    });

    it("without a grant server, tells every grant that grants are not enabled", () => {
        const cluster = new FakeCluster();
        const grant = addGrant(cluster, {});
        cluster.settle();
        assert.deepEqual(grant.status, { message: "AccessGrants are not enabled" });
        assert.deepEqual(cluster.model.takeRequests().grantUpdates, []);
    });

    it("reads Go durations as time.ParseDuration does, with its messages", () => {
        assert.equal(parseGoDuration("30m"), 1800000);
        assert.equal(parseGoDuration("1h30m"), 5400000);
        assert.equal(parseGoDuration("1.5s"), 1500);
        assert.equal(parseGoDuration("-2m"), -120000);
        assert.equal(parseGoDuration("0"), 0);
        assert.equal(parseGoDuration("500ms"), 500);
        assert.throws(() => parseGoDuration("10"), { message: 'time: missing unit in duration "10"' });
        assert.throws(() => parseGoDuration("1d"), { message: 'time: unknown unit "d" in duration "1d"' });
        assert.throws(() => parseGoDuration("soon"), { message: 'time: invalid duration "soon"' });
        assert.throws(() => parseGoDuration(""), { message: 'time: invalid duration ""' });
    });

    it("makes codes of 24 letters and digits, different each time", () => {
        const codes = new Set(Array.from({ length: 20 }, () => randomCode()));
        assert.equal(codes.size, 20);
        for (const code of codes) assert.match(code, /^[A-Za-z0-9]{24}$/);
    });
});
