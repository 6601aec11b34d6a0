// AccessTokens: which the controller redeems, and when again; and what a redemption writes
// on one (accessTokens.ts; the redemption itself is redeemer.ts).
import * as assert from "node:assert/strict";
import { setRedeemed } from "./accessTokens";
import { condition, FakeCluster } from "./fakeCluster";
import { KubeObject } from "./objects";

function addToken(cluster: FakeCluster, name = "to-west", namespace = "east"): KubeObject {
    const token = cluster.object(namespace, name, { url: "https://127.0.0.1:8443/uid-1", code: "c", ca: "CA" });
    cluster.tokens.push(token);
    return token;
}

const redeeming = (cluster: FakeCluster) =>
    cluster.model
        .takeRequests()
        .redemptions.map(({ token, site }) => `${token.metadata.name} for ${site.metadata.name}`);

describe("Skupper status emulator: AccessTokens", () => {
    it("redeems a token for the Site of its namespace, once per event", () => {
        const cluster = new FakeCluster();
        cluster.addSite("east", "east");
        addToken(cluster);
        cluster.settle();
        assert.deepEqual(redeeming(cluster), ["to-west for east"]);
        cluster.settle();
        assert.deepEqual(redeeming(cluster), [], "nothing changed, nothing asked");
    });

    it("ignores a token in a namespace without a Site until its next event", () => {
        const cluster = new FakeCluster();
        const token = addToken(cluster);
        cluster.settle();
        assert.deepEqual(redeeming(cluster), []);
        cluster.addSite("east", "east");
        cluster.settle();
        assert.deepEqual(redeeming(cluster), [], "the Site's events do not reach the tokens");
        cluster.nextPollAt(30);
        cluster.settle();
        assert.deepEqual(redeeming(cluster), ["to-west for east"], "the resync does");
        assert.ok(token.status === undefined, "the model writes nothing on a token");
    });

    it("tries a failed token again at its status write's echo and at each resync, a redeemed one never", () => {
        const cluster = new FakeCluster();
        cluster.addSite("east", "east");
        const failed = addToken(cluster, "failed");
        const redeemed = addToken(cluster, "redeemed");
        cluster.settle();
        assert.deepEqual(redeeming(cluster), ["failed for east", "redeemed for east"]);
        cluster.update(failed, (t) => setRedeemed(t, "Controller got error: refused", "2026-01-01T01:00:05Z"), false);
        cluster.update(redeemed, (t) => setRedeemed(t, undefined, "2026-01-01T01:00:05Z"), false);
        cluster.settle();
        assert.deepEqual(redeeming(cluster), ["failed for east"]);
        cluster.nextPollAt(30);
        cluster.settle();
        assert.deepEqual(redeeming(cluster), ["failed for east"]);
    });

    it("writes Redeemed True with `redeemed: true`, or False with the error as the message; nothing when unchanged", () => {
        const token: KubeObject = { metadata: { name: "t", namespace: "east", generation: 1 }, spec: {} };
        assert.equal(setRedeemed(token, "Controller got failed response: 404 (Not Found) No such claim", "t1"), true);
        assert.deepEqual(
            [token.status.status, token.status.message, token.status.redeemed],
            ["Error", "Controller got failed response: 404 (Not Found) No such claim", undefined],
        );
        assert.equal(condition(token, "Redeemed").reason, "Error");
        assert.equal(setRedeemed(token, "Controller got failed response: 404 (Not Found) No such claim", "t2"), false);
        assert.equal(setRedeemed(token, undefined, "t3"), true);
        assert.deepEqual([token.status.status, token.status.message, token.status.redeemed], ["Ready", "OK", true]);
        assert.deepEqual(
            { ...condition(token, "Redeemed"), lastTransitionTime: undefined },
            {
                type: "Redeemed",
                status: "True",
                reason: "Ready",
                message: "OK",
                observedGeneration: 1,
                lastTransitionTime: undefined,
            },
        );
    });
});
