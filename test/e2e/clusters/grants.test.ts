// Two clusters of the local environment, linked as Skupper links sites: cluster a's
// controller serves access grants, its Site's link access gets a load balancer's address
// on this machine, and cluster b's controller redeems a token against the grant server
// and creates the Link. Raw objects through each cluster's API, no Pulumi: what the
// link components stand on.
import * as assert from "node:assert/strict";
import { SKUPPER_API_VERSION, SkupperKind } from "../../../provider/constants";
import { KubeClient, paths } from "../../localenv/cluster/kubeClient";
import { e2e } from "../harness";
import { waitForObject } from "../lifecycle/pairWorld";
import { secondCluster } from "../secondCluster";

function create(kube: KubeClient, ns: string, kind: SkupperKind, name: string, spec: object) {
    return kube.create(paths.skupper(ns, kind), { apiVersion: SKUPPER_API_VERSION, kind, metadata: { name }, spec });
}

const condition = (o: any, type: string) => o.status?.conditions?.find((c: any) => c.type === type);

describe("two clusters: a grant in one, its token redeemed in the other", function () {
    this.timeout(300000);

    it("resolves the accepting site's link access at a load balancer's address, serves the grant, and the other cluster's controller redeems its token into a Link", async function () {
        const a = e2e().env;
        const b = await secondCluster(this);
        const [west, east] = ["grants-west", "grants-east"];
        await a.createNamespaces(west);
        await b.createNamespaces(east);
        await create(a.kube, west, "Site", "west", { linkAccess: "default" });
        await create(b.kube, east, "Site", "east", {});

        const site = await waitForObject(a.kube, paths.skupper(west, "Site", "west"), "west's endpoints", (s) =>
            s.status?.endpoints?.some((e: any) => e.name === "inter-router"),
        );
        const service = await a.kube.get(`/api/v1/namespaces/${west}/services/skupper-router`);
        assert.equal(service.spec.type, "LoadBalancer");
        const address = service.status.loadBalancer.ingress[0].ip;
        assert.match(address, /^127\.\d+\.255\.\d+$/, "an address on this machine, from the environment's range");
        assert.deepEqual(site.status.endpoints.map((e: any) => `${e.name} ${e.host}:${e.port}`).sort(), [
            `edge ${address}:45671`,
            `inter-router ${address}:55671`,
        ]);

        await create(a.kube, west, "AccessGrant", "to-east", {
            redemptionsAllowed: 1,
            expirationWindow: "30m",
        });
        const grant = await waitForObject(a.kube, paths.skupper(west, "AccessGrant", "to-east"), "the grant", (g) =>
            condition(g, "Ready")?.status === "True" ? g : undefined,
        );
        assert.equal(grant.status.url, `https://${a.grantServer!.baseUrl}/${grant.metadata.uid}`);
        assert.match(grant.status.ca, /^-----BEGIN CERTIFICATE-----/);
        assert.ok(grant.status.code.length >= 16);

        const { url, code, ca } = grant.status;
        await create(b.kube, east, "AccessToken", "to-west", { url, code, ca });
        const token = await waitForObject(
            b.kube,
            paths.skupper(east, "AccessToken", "to-west"),
            "the token",
            (t) => condition(t, "Redeemed"),
            90000,
        );
        assert.deepEqual([condition(token, "Redeemed").status, token.status.redeemed], ["True", true]);
        const link = await waitForObject(
            b.kube,
            paths.skupper(east, "Link", "to-west"),
            "the Link configured",
            (l) => condition(l, "Configured")?.status === "True",
            90000,
        );
        assert.deepEqual(link.spec.endpoints, site.status.endpoints);
        assert.equal(link.spec.tlsCredentials, "to-west");
        const used = await a.kube.get(paths.skupper(west, "AccessGrant", "to-east"));
        assert.equal(used.status.redemptions, 1);

        // The grant allowed one redemption: a second token is refused, and says so.
        await create(b.kube, east, "AccessToken", "again", { url, code, ca });
        const refused = await waitForObject(
            b.kube,
            paths.skupper(east, "AccessToken", "again"),
            "the second token",
            (t) => condition(t, "Redeemed"),
            90000,
        );
        assert.equal(condition(refused, "Redeemed").status, "False");
        assert.match(refused.status.message, /No such access granted/);
        console.log(`      redeemed at ${url.replace(/[^/]+$/, "<uid>")}; the second token: ${refused.status.message}`);
    });
});
