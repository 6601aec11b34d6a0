// SkupperSite under Pulumi's standard mocks: the Site in its namespace with its link
// access, its wait for Ready, the live status and what another site needs to link to it.
import * as assert from "node:assert/strict";
import { mockedStatus, ofType, readsOf, resetMocks, setUpMocks, valueOf } from "./mocks";

const SITE = "kubernetes:skupper.io/v2alpha1:Site";

describe("SkupperSite", () => {
    let m: typeof import("../../provider/index");

    before(async () => {
        await setUpMocks();
        m = await import("../../provider/index");
    });
    beforeEach(resetMocks);

    it("creates the Site in its namespace, named after the resource, waiting for Ready", async () => {
        await valueOf(new m.SkupperSite("west", { namespace: "west-ns", linkAccess: "default" }).ready);
        const [site] = ofType(SITE);
        assert.deepEqual([site.inputs.metadata.name, site.inputs.metadata.namespace], ["west", "west-ns"]);
        assert.deepEqual(site.inputs.spec, { linkAccess: "default" });
        assert.equal(site.inputs.metadata.annotations["pulumi.com/waitFor"], "condition=Ready");
        assert.equal(site.inputs.metadata.annotations["pulumi.com/timeoutSeconds"], "300");
    });

    it("passes the router's options, and waits not at all with skipAwait", async () => {
        const options = {
            ha: true,
            edge: false,
            serviceAccount: "router",
            defaultIssuer: "my-ca",
            settings: { a: "b" },
        };
        await valueOf(
            new m.SkupperSite("s", { namespace: "west", objectName: "site", skipAwait: true, ...options }).ready,
        );
        const [site] = ofType(SITE);
        assert.equal(site.inputs.metadata.name, "site");
        assert.deepEqual(site.inputs.spec, options);
        assert.equal(site.inputs.metadata.annotations["pulumi.com/skipAwait"], "true");
        assert.equal(site.inputs.metadata.annotations["pulumi.com/waitFor"], undefined);
    });

    it("reports the live status: ready, the endpoints, the sites in its network", async () => {
        mockedStatus[SITE] = {
            status: "Ready",
            message: "OK",
            conditions: [{ type: "Ready", status: "True", reason: "Ready", message: "OK", observedGeneration: 1 }],
            endpoints: [
                { name: "inter-router", host: "203.0.113.7", port: "55671", group: "skupper-router" },
                { name: "edge", host: "203.0.113.7", port: "45671", group: "skupper-router" },
            ],
            sitesInNetwork: 2,
            network: [{ name: "west" }, { name: "east" }],
        };
        const site = new m.SkupperSite("west", { namespace: "west", linkAccess: "default" });
        assert.equal(await valueOf(site.ready), true);
        assert.deepEqual(
            (await valueOf(site.endpoints)).map((e) => `${e.name} ${e.host}:${e.port}`),
            ["inter-router 203.0.113.7:55671", "edge 203.0.113.7:45671"],
        );
        assert.equal(await valueOf(site.sitesInNetwork), 2);
        assert.deepEqual(await valueOf(site.network), ["west", "east"]);
        assert.equal(await valueOf(site.linkAccess), "default");
        assert.equal(readsOf(SITE).length, 1, "the status is read back after the wait");
    });

    it("reports a site Skupper has not reported on as not ready, with no endpoints and no network", async () => {
        const site = new m.SkupperSite("west", { namespace: "west" });
        assert.deepEqual(
            await Promise.all([valueOf(site.ready), valueOf(site.endpoints), valueOf(site.sitesInNetwork)]),
            [false, [], 0],
        );
        assert.equal(await valueOf(site.linkAccess), "");
    });

    const problemsOf = (args: Record<string, unknown>): string[] => {
        try {
            new m.SkupperSite("bad", args as never);
        } catch (e) {
            return (e as Error).message.split("\n").slice(1);
        }
        return [];
    };

    it("refuses bad input before creating anything, naming each field", () => {
        const problems = problemsOf({ namespace: "West", linkAccess: "Load Balancer", ha: "yes", timeoutSeconds: 0 });
        assert.equal(problems.length, 4, problems.join("\n"));
        assert.match(problems.join("\n"), /namespace: 'West' is not valid; expected a DNS-1123 label/);
        assert.match(
            problems.join("\n"),
            /linkAccess: 'Load Balancer' is not valid; expected an access type of Skupper's/,
        );
        assert.match(problems.join("\n"), /ha: expected a boolean/);
        assert.match(problems.join("\n"), /timeoutSeconds: /);
        assert.deepEqual(ofType(SITE), []);
    });

    it("names a missing namespace and an argument it does not take", () => {
        const problems = problemsOf({ linkacess: "default" });
        assert.match(problems.join("\n"), /namespace: is required/);
        assert.match(problems.join("\n"), /linkacess: is not an argument of SkupperSite; did you mean 'linkAccess'\?/);
    });
});
