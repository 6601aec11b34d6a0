// The emulator's grant server (grantServer.ts): its answers, the redemptions it counts, and
// HTTPS on 127.0.0.1 with a certificate of its own.
import * as assert from "node:assert/strict";
import * as https from "node:https";
import { AddressInfo } from "node:net";
import { loadAll } from "js-yaml";
import { paths } from "../../cluster/kubeClient";
import { issueCertificate, TlsCredentials } from "./certificates";
import { FakeKube } from "./fakeKube";
import { answerClaim, ClaimRequest, GrantDesk, grantServerCredentials, serveGrants } from "./grantServer";
import { KubeObject } from "./objects";
import { quietLogs } from "./quiet";

const NOW = Date.parse("2026-01-01T01:00:00Z");
const GRANT_PATH = paths.skupper("west", "AccessGrant", "to-east");
const ENDPOINTS = [
    { name: "inter-router", host: "127.27.255.1", port: "55671", group: "skupper-router" },
    { name: "edge", host: "127.27.255.1", port: "45671", group: "skupper-router" },
];
const site: KubeObject = {
    metadata: { name: "west", namespace: "west", uid: "site-uid" },
    status: { endpoints: ENDPOINTS },
};

function world(grantStatus: Record<string, unknown> = {}, allowed = 1) {
    const api = new FakeKube();
    api.put(GRANT_PATH, {
        metadata: { name: "to-east", namespace: "west", uid: "grant-uid" },
        spec: { redemptionsAllowed: allowed },
        status: { code: "secret", expirationTime: "2026-01-01T01:30:00Z", ...grantStatus },
    });
    const sites = new Map([["west", site]]);
    const desk: GrantDesk = {
        kube: api.kube,
        claim: (uid) => (uid === "grant-uid" ? "west/to-east" : undefined),
        activeSite: (namespace) => sites.get(namespace),
        linkCredentials: { ca: "CA PEM", cert: "CERT PEM", key: "KEY PEM" },
        now: () => NOW,
    };
    return { api, desk, sites };
}

const claim = (body = "secret", overrides: Partial<ClaimRequest> = {}): ClaimRequest => ({
    method: "POST",
    path: "/grant-uid",
    headers: { name: "to-west", subject: "east-site-uid" },
    body,
    ...overrides,
});

describe("the Skupper status emulator's grant server", () => {
    quietLogs();

    it("answers a redemption with a kubernetes.io/tls Secret and a Link to the Site's endpoints, both named after the token", async () => {
        const { api, desk } = world();
        const answer = await answerClaim(desk, claim());
        assert.equal(answer.status, 200);
        assert.match(answer.body, /^---\n/);
        const [secret, link, ...rest] = loadAll(answer.body) as any[];
        assert.deepEqual(rest, []);
        assert.deepEqual([secret.kind, secret.metadata.name, secret.type], ["Secret", "to-west", "kubernetes.io/tls"]);
        assert.equal(Buffer.from(secret.data["tls.crt"], "base64").toString(), "CERT PEM");
        assert.deepEqual(Object.keys(secret.data).sort(), ["ca.crt", "tls.crt", "tls.key"]);
        assert.deepEqual([link.apiVersion, link.kind, link.metadata.name], ["skupper.io/v2alpha1", "Link", "to-west"]);
        assert.deepEqual(link.spec, { endpoints: ENDPOINTS, tlsCredentials: "to-west" });
        assert.equal(api.objects.get(GRANT_PATH)!.status.redemptions, 1, "counted before the answer");
    });

    it("refuses as Skupper does, in text: a GET, an unknown claim, an expired grant, a used-up grant, a wrong code", async () => {
        const refusal = async (request: ClaimRequest, status = {}, allowed = 1) => {
            const { status: code, body } = await answerClaim(world(status, allowed).desk, request);
            return `${code} ${body}`;
        };
        assert.equal(await refusal(claim("secret", { method: "GET" })), "405 Only POST is supported\n");
        assert.equal(await refusal(claim("secret", { path: "/other" })), "404 No such claim\n");
        assert.equal(await refusal(claim(), { expirationTime: "2026-01-01T00:59:59Z" }), "404 No such claim\n");
        assert.equal(await refusal(claim(), { redemptions: 2 }, 2), "404 No such access granted\n");
        assert.equal(await refusal(claim("wrong")), "403 Redemption of access token refused\n");
        assert.equal(await refusal(claim(), { expirationTime: "" }), "500 Corrupted claim\n");
    });

    it("allows as many redemptions as the grant says, counting each on its status", async () => {
        const { api, desk } = world({}, 2);
        assert.equal((await answerClaim(desk, claim())).status, 200);
        assert.equal((await answerClaim(desk, claim())).status, 200);
        assert.equal((await answerClaim(desk, claim())).body, "No such access granted\n");
        assert.equal(api.objects.get(GRANT_PATH)!.status.redemptions, 2);
    });

    it("counts a redemption whose write conflicted on the grant as stored, and answers 503 after three conflicts", async () => {
        const retried = world();
        retried.api.conflicts = 1;
        assert.equal((await answerClaim(retried.desk, claim())).status, 200);
        assert.equal(retried.api.objects.get(GRANT_PATH)!.status.redemptions, 1);
        const failing = world();
        failing.api.conflicts = 3;
        assert.equal((await answerClaim(failing.desk, claim())).body, "Internal error\n");
    });

    it("counts the redemption, then fails without a Site or without its endpoints", async () => {
        const { api, desk, sites } = world({}, 5);
        sites.set("west", { metadata: { name: "west", namespace: "west" }, status: {} });
        assert.equal((await answerClaim(desk, claim())).body, "Could not resolve any endpoints for requested link\n");
        sites.delete("west");
        assert.equal((await answerClaim(desk, claim())).body, "Site not yet defined for west\n");
        assert.equal(api.objects.get(GRANT_PATH)!.status.redemptions, 2);
    });

    describe("over HTTPS", function () {
        this.timeout(20000);
        let credentials: TlsCredentials;
        before(() => {
            credentials = issueCertificate("skupper-grant-server", ["127.0.0.1", "localhost"]);
        });

        it("serves on 127.0.0.1 with a certificate for that address, signed by the CA it gives", async () => {
            const server = await serveGrants(0, credentials, async (request) => ({
                status: 404,
                body: `${request.method} ${request.path} ${request.headers.name} ${request.body}\n`,
            }));
            try {
                const { address, port } = server.address() as AddressInfo;
                assert.equal(address, "127.0.0.1");
                const answer = await new Promise<string>((resolve, reject) => {
                    const req = https.request(
                        `https://127.0.0.1:${port}/grant-uid`,
                        { method: "POST", ca: credentials.ca, headers: { name: "probe" } },
                        (res) => {
                            const chunks: Buffer[] = [];
                            res.on("data", (c: Buffer) => chunks.push(c));
                            res.on("end", () =>
                                resolve(`${res.statusCode} ${res.headers["content-type"]} ${Buffer.concat(chunks)}`),
                            );
                        },
                    );
                    req.on("error", reject);
                    req.end("code");
                });
                assert.equal(answer, "404 text/plain; charset=utf-8 POST /grant-uid probe code\n");
            } finally {
                server.close();
            }
        });

        it("keeps its certificate in the Secret skupper-grant-server, made once and read after", async () => {
            const api = new FakeKube();
            const first = await grantServerCredentials(api.kube, "skupper");
            const secret = api.objects.get(`${paths.secrets("skupper")}/skupper-grant-server`)!;
            assert.equal((secret as any).type, "kubernetes.io/tls");
            assert.equal(Buffer.from(secret.data!["ca.crt"], "base64").toString(), first.ca);
            assert.match(first.cert, /^-----BEGIN CERTIFICATE-----/);
            assert.deepEqual(await grantServerCredentials(api.kube, "skupper"), first, "a restart serves the same");
        });
    });
});
