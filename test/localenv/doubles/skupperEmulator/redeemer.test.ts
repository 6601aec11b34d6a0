// The redemption of a token against a grant server over HTTPS, and what it makes of the
// answer (redeemer.ts).
import * as assert from "node:assert/strict";
import { Server } from "node:https";
import { AddressInfo } from "node:net";
import { paths } from "../../cluster/kubeClient";
import { condition } from "./fakeCluster";
import { FakeKube } from "./fakeKube";
import { issueCertificate, TlsCredentials } from "./certificates";
import { Answer, linkAnswer, serveGrants } from "./grantServer";
import { KubeObject } from "./objects";
import { createReceived, post, redeem } from "./redeemer";
import { quietLogs } from "./quiet";

const ENDPOINTS = [{ name: "inter-router", host: "127.27.255.1", port: "55671", group: "skupper-router" }];
const LINK_CREDENTIALS = { ca: "CA PEM", cert: "CERT PEM", key: "KEY PEM" };
const site: KubeObject = { metadata: { name: "east", namespace: "east", uid: "east-uid" } };
const TOKEN_PATH = paths.skupper("east", "AccessToken", "to-west");

function tokenFor(url: string, ca: string, spec: Record<string, unknown> = {}): KubeObject {
    return {
        metadata: { name: "to-west", namespace: "east", generation: 1 },
        spec: { url, code: "secret", ca, ...spec },
    };
}

describe("the Skupper status emulator's redemption of AccessTokens", function () {
    this.timeout(20000);
    let credentials: TlsCredentials;
    let server: Server;
    let url: string;
    let answers: Answer[];
    const seen: string[] = [];

    quietLogs();

    before(async () => {
        credentials = issueCertificate("skupper-grant-server", ["127.0.0.1"]);
        server = await serveGrants(0, credentials, async (request) => {
            seen.push(`${request.headers.name} ${request.headers.subject} ${request.body}`);
            return answers.shift()!;
        });
        url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/grant-uid`;
    });
    after(() => server.close());

    it("POSTs the code with the token's name and the Site's uid, checking the server against the token's CA", async () => {
        answers = [{ status: 200, body: "the answer" }];
        assert.equal(await post(tokenFor(url, credentials.ca), site), "the answer");
        assert.equal(seen.at(-1), "to-west east-uid secret");
        answers = [{ status: 200, body: "" }];
        const stranger = issueCertificate("someone else", ["127.0.0.1"]).ca;
        await assert.rejects(
            post(tokenFor(url, stranger), site),
            /^Error: Controller got error: Post "https:\/\/127\.0\.0\.1:\d+\/grant-uid": /,
        );
    });

    it("words a refusal as Skupper does: the code, its status text and the body trimmed", async () => {
        answers = [{ status: 404, body: "No such access granted\n" }];
        await assert.rejects(post(tokenFor(url, credentials.ca), site), {
            message: "Controller got failed response: 404 (Not Found) No such access granted",
        });
    });

    it("posts to loopback addresses only, and says when a server cannot be reached", async () => {
        await assert.rejects(post(tokenFor("https://192.0.2.1:8443/x", "CA"), site), {
            message:
                'Controller got error: Post "https://192.0.2.1:8443/x": the Skupper status emulator posts to loopback addresses only',
        });
        await assert.rejects(post(tokenFor("https://grants.example.com/x", "CA"), site), /loopback addresses only/);
        const closed = issueCertificate("closed", ["127.0.0.1"]);
        const probe = await serveGrants(0, closed, async () => ({ status: 200, body: "" }));
        const port = (probe.address() as AddressInfo).port;
        await new Promise((resolve) => probe.close(resolve));
        await assert.rejects(post(tokenFor(`https://127.0.0.1:${port}/x`, closed.ca), site), /ECONNREFUSED/);
    });

    it("creates the answer's Secret and Link in the token's namespace, owned by the Site, the Link at the token's cost", async () => {
        const api = new FakeKube();
        const answer = linkAnswer("to-west", ENDPOINTS, LINK_CREDENTIALS);
        assert.equal(await createReceived(api.kube, tokenFor(url, "CA", { linkCost: 5 }), site, answer), undefined);
        const secret = api.objects.get(`${paths.secrets("east")}/to-west`)!;
        const link = api.objects.get(paths.skupper("east", "Link", "to-west"))!;
        const owner = { apiVersion: "skupper.io/v2alpha1", kind: "Site", name: "east", uid: "east-uid" };
        assert.deepEqual(secret.metadata.ownerReferences, [owner]);
        assert.deepEqual(link.metadata.ownerReferences, [owner]);
        assert.deepEqual(link.spec, { endpoints: ENDPOINTS, tlsCredentials: "to-west", cost: 5 });

        const again = await createReceived(api.kube, tokenFor(url, "CA"), site, answer);
        assert.equal(again, 'Controller could not create received secret: "to-west" already exists');
        assert.equal(
            await createReceived(api.kube, tokenFor(url, "CA"), site, "--- [unclosed"),
            "Controller could not decode response",
        );
    });

    it("redeems into a Secret and a Link and writes Redeemed on the token; a refused token gets the refusal", async () => {
        const api = new FakeKube();
        const token = api.put(TOKEN_PATH, tokenFor(url, credentials.ca));
        answers = [{ status: 200, body: linkAnswer("to-west", ENDPOINTS, LINK_CREDENTIALS) }];
        await redeem(api.kube, { token, site }, new Date("2026-01-01T01:00:00Z"));
        const redeemed = api.objects.get(TOKEN_PATH)!;
        assert.deepEqual(
            [redeemed.status.status, redeemed.status.message, redeemed.status.redeemed],
            ["Ready", "OK", true],
        );
        assert.equal(condition(redeemed, "Redeemed").lastTransitionTime, "2026-01-01T01:00:00Z");
        assert.ok(api.objects.has(paths.skupper("east", "Link", "to-west")));

        const refused = api.put(paths.skupper("east", "AccessToken", "again"), {
            ...tokenFor(url, credentials.ca),
            metadata: { name: "again", namespace: "east" },
        });
        answers = [{ status: 404, body: "No such access granted\n" }];
        await redeem(api.kube, { token: refused, site });
        const stored = api.objects.get(paths.skupper("east", "AccessToken", "again"))!;
        assert.deepEqual([condition(stored, "Redeemed").status, stored.status.status], ["False", "Error"]);
        assert.equal(stored.status.message, "Controller got failed response: 404 (Not Found) No such access granted");

        answers = [{ status: 404, body: "No such access granted\n" }];
        const writes = api.requests.length;
        await redeem(api.kube, { token: stored, site });
        assert.equal(api.requests.length, writes, "the same failure again writes nothing");
    });
});
