// What the emulator makes for each Site it takes up: the router Deployment and the link
// access Service (siteResources.ts).
import * as assert from "node:assert/strict";
import { FakeKube } from "./fakeKube";
import { labelTest } from "./labels";
import { KubeObject } from "./objects";
import { ROUTER_POD_SELECTOR } from "./routerPods";
import { createMissing, RECHECK_MS, routerDeployment, SiteResources, wantedSiteResources } from "./siteResources";
import { quietLogs } from "./quiet";

const site = (namespace: string, spec: Record<string, unknown> = {}): KubeObject => ({
    metadata: { name: "site", namespace, uid: `uid-${namespace}` },
    spec,
});

describe("the Skupper status emulator's Site resources", () => {
    quietLogs();

    it("runs a router Deployment skupper-router per Site, owned by it, whose pods the router pod informer watches", () => {
        const deployment = routerDeployment(site("west"));
        assert.equal(deployment.metadata.name, "skupper-router");
        assert.deepEqual(deployment.metadata.ownerReferences, [
            { apiVersion: "skupper.io/v2alpha1", kind: "Site", name: "site", uid: "uid-west" },
        ]);
        const podLabels = deployment.spec.template.metadata.labels;
        assert.ok(labelTest(ROUTER_POD_SELECTOR)(podLabels));
        assert.equal(podLabels.application, "skupper-router");
        assert.ok(labelTest("skupper.io/component=router")(podLabels), "its selector matches its pods");
        assert.deepEqual(deployment.spec.selector, { matchLabels: { "skupper.io/component": "router" } });
        assert.deepEqual(
            deployment.spec.template.spec.containers.map((c: any) => c.name),
            ["router", "kube-adaptor"],
        );
    });

    it("wants a link access Service only for the Sites that ask for one", () => {
        const exposing = [site("west", { linkAccess: "default" }), site("east")].map((s) => ({
            namespace: s.metadata.namespace,
            site: s,
            listeners: [],
        }));
        const { deployments, services } = wantedSiteResources(exposing);
        assert.deepEqual(
            deployments.map((d) => d.metadata.namespace),
            ["west", "east"],
        );
        assert.deepEqual(
            services.map((s) => `${s.metadata.namespace}/${s.metadata.name}`),
            ["west/skupper-router"],
        );
    });

    it("creates what is missing, and does not try again a create the API server refused until the object wanted changes", async () => {
        const api = new FakeKube();
        const collection = (namespace: string) => `/apis/apps/v1/namespaces/${namespace}/deployments`;
        const refused = new Map<string, string>();
        const west = routerDeployment(site("west"));
        const east = routerDeployment(site("east"));
        api.put(`${collection("east")}/skupper-router`, east);
        await createMissing(api.kube, [west, east], [east], collection, refused, "Deployment");
        assert.deepEqual(api.requests, ["POST /apis/apps/v1/namespaces/west/deployments"]);

        // Made meanwhile by another: refused, and not asked again.
        await createMissing(api.kube, [west], [], collection, refused, "Deployment");
        await createMissing(api.kube, [west], [], collection, refused, "Deployment");
        assert.equal(api.requests.length, 2);
        assert.ok(refused.has("Deployment west/skupper-router"));
        const changed = routerDeployment({ ...site("west"), metadata: { ...site("west").metadata, uid: "new" } });
        await createMissing(api.kube, [changed], [], collection, refused, "Deployment");
        assert.equal(api.requests.length, 3, "a Site made again is another object wanted");
    });

    it("looks for what is wanted at once when that changes, and otherwise every 10 s, making again what went missing", async () => {
        const api = new FakeKube();
        const resources = new SiteResources(api.kube);
        const west = [{ namespace: "west", site: site("west", { linkAccess: "default" }), listeners: [] }];
        await resources.sync(west, 0);
        assert.deepEqual([...api.objects.keys()].sort(), [
            "/api/v1/namespaces/west/services/skupper-router",
            "/apis/apps/v1/namespaces/west/deployments/skupper-router",
        ]);
        const made = api.requests.length;
        await resources.sync(west, RECHECK_MS - 1);
        assert.equal(api.requests.length, made, "nothing changed, nothing listed");
        api.objects.delete("/apis/apps/v1/namespaces/west/deployments/skupper-router");
        await resources.sync(west, RECHECK_MS);
        assert.ok(api.objects.has("/apis/apps/v1/namespaces/west/deployments/skupper-router"), "made again");
        const east = [...west, { namespace: "east", site: site("east"), listeners: [] }];
        await resources.sync(east, RECHECK_MS + 1);
        assert.ok(api.objects.has("/apis/apps/v1/namespaces/east/deployments/skupper-router"), "a new Site's at once");
    });
});
