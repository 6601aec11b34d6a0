// SkupperSite on the local cluster: up returns once Skupper reports the site Ready, with
// its link access resolved at the load balancer's address, which is what another site
// links to; a second up and a preview change nothing; destroy leaves no Site.
import * as assert from "node:assert/strict";
import { SkupperSite } from "../../../provider/index";
import { e2e, newStack } from "../harness";
import { assertSettled, objectsIn, outputsOf, waitForStatus } from "../lifecycle/pairWorld";
import { yamlStack } from "../yamlStack";

describe("SkupperSite: a site awaited until ready, with its link access", function () {
    this.timeout(600000);

    it("returns Ready with the load balancer's endpoints and itself in its network; changes nothing after", async function () {
        const { env, kube } = e2e();
        const ns = env.namespace("site-west");
        await env.createNamespaces(ns);
        const stack = await newStack(async () => {
            const site = new SkupperSite("west", { namespace: ns, linkAccess: "default", timeoutSeconds: 120 });
            return {
                ready: site.ready,
                status: site.status,
                endpoints: site.endpoints,
                sitesInNetwork: site.sitesInNetwork,
                network: site.network,
            };
        }, "site");
        const started = Date.now();
        const outputs = outputsOf(await stack.up());
        console.log(`      up: ${JSON.stringify(outputs)} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
        assert.deepEqual([outputs.ready, outputs.status], [true, "Ready"]);
        const service = await kube.get(`/api/v1/namespaces/${ns}/services/skupper-router`);
        const address = service.status.loadBalancer.ingress[0].ip;
        assert.deepEqual(
            // Skupper lists the two roles in no fixed order.
            outputs.endpoints
                .map((e: { name: string; host: string; port: string }) => `${e.name} ${e.host}:${e.port}`)
                .sort(),
            [`edge ${address}:45671`, `inter-router ${address}:55671`],
        );
        // The network is the router's report, which may come after Ready: the next plain up shows it.
        await waitForStatus("the site's network", ["Site", ns, "west"], (o) => (o.status as any)?.sitesInNetwork === 1);
        const later = outputsOf(await stack.up());
        assert.deepEqual([later.sitesInNetwork, later.network], [1, ["west"]]);
        await assertSettled(stack);

        await stack.destroy();
        assert.deepEqual(await objectsIn("Site", [ns]), []);
    });

    it("does the same from a Pulumi YAML program, through the plugin", async function () {
        const { env } = e2e();
        const ns = env.namespace("site-yaml");
        await env.createNamespaces(ns);
        const stack = await yamlStack(
            `name: site-yaml
runtime: yaml
resources:
  west:
    type: skupper:index:SkupperSite
    properties:
      namespace: ${ns}
      linkAccess: default
outputs:
  ready: \${west.ready}
  endpoints: \${west.endpoints}
`,
            "site-yaml",
        );
        const outputs = outputsOf(await stack.up());
        assert.equal(outputs.ready, true);
        assert.deepEqual(outputs.endpoints.map((e: { name: string }) => e.name).sort(), ["edge", "inter-router"]);
        await stack.destroy();
        assert.deepEqual(await objectsIn("Site", [ns]), []);
    });
});
