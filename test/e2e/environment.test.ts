// The local environment's own parts, checked on the running environment: kwok runs a
// Deployment's Pods for real, the site's network status is written by Skupper's own
// collector where a router runs (and by no double there), by the network-status writer
// elsewhere, and the CRDs in use match Skupper's own where those are at hand.
import * as assert from "node:assert/strict";
import { crdsFor } from "../localenv/cluster/skupper";
import { compareCrds, readCrdFolder } from "../localenv/cluster/skupperCrds";
import { generateCrds } from "../localenv/cluster/crds";
import { paths } from "../localenv/cluster/kubeClient";
import { createDeployment, createListener, waitForReadyPods } from "../localenv/cluster/objects";
import { sleep, waitFor } from "../localenv/cluster/processes";
import { WRITER_FIELD_MANAGER } from "../localenv/doubles/networkStatusWriter";
import { DATA_PLANE, NETWORK_STATUS_WRITER } from "../localenv/startSkupper";
import { e2e } from "./harness";
import { caseNotRunWith } from "./modes";

describe("the local environment", function () {
    this.timeout(180000);

    it("runs a Deployment's Pods: scheduled on the kwok node, Running and Ready with an IP", async () => {
        const { env, kube } = e2e();
        const ns = env.namespace("env-pods");
        await env.createNamespaces(ns);
        await createDeployment(kube, ns, "web", { app: "web" }, 2);
        const names = await waitForReadyPods(kube, ns, "app=web", 2);
        for (const name of names) {
            const pod = await kube.get(`${paths.pods(ns)}/${name}`);
            assert.ok(pod.spec.nodeName, "the scheduler bound the pod to a node");
            assert.match(pod.status.podIP, /^\d+\.\d+\.\d+\.\d+$/);
        }
        await kube
            .get(`/apis/apps/v1/namespaces/${ns}/deployments/web`)
            .then((d) => assert.equal(d.status.availableReplicas, 2));
    });

    it("reports a site's listeners in skupper-network-status: Skupper's collector with a router, the writer without one", async () => {
        const { env, kube } = e2e();
        const ns = env.namespace("env-network");
        await env.createNamespaces(ns);
        await env.createSite(ns);
        await createListener(kube, ns, "frontend", "backend");
        const configMap = await waitFor(
            "the site's network status to list the listener",
            async () => {
                const found = await kube.find(`${paths.configMaps(ns)}/skupper-network-status`);
                const status = found?.data?.NetworkStatus ? JSON.parse(found.data.NetworkStatus) : undefined;
                const addresses = (status?.siteStatus ?? []).flatMap((s: any) =>
                    (s.routerStatus ?? []).flatMap((r: any) => (r.listeners ?? []).map((l: any) => l.address)),
                );
                return addresses.includes("backend") ? found : undefined;
            },
            120000,
        );
        const writers = (configMap.metadata.managedFields ?? []).map((f: { manager: string }) => f.manager);
        const running = env.processes.all.map((p) => p.name);
        if (env.mode === "network") {
            assert.ok(
                !running.includes(NETWORK_STATUS_WRITER),
                `no double runs beside the router (${running.join(", ")})`,
            );
            assert.ok(running.includes(DATA_PLANE));
            assert.ok(!writers.includes(WRITER_FIELD_MANAGER), `written by ${writers.join(", ")}`);
        } else {
            assert.ok(running.includes(NETWORK_STATUS_WRITER));
            assert.ok(writers.includes(WRITER_FIELD_MANAGER), `written by ${writers.join(", ")}`);
        }
    });

    it("gives a LoadBalancer Service an address on this machine, as a cloud would, and keeps it", async function () {
        const { env, kube } = e2e();
        if (env.existingCluster) return caseNotRunWith(this, "an existing cluster: its own cloud gives the addresses");
        const ns = env.namespace("env-balancer");
        await env.createNamespaces(ns);
        const service = (name: string) => ({
            metadata: { name },
            spec: { type: "LoadBalancer", selector: { app: name }, ports: [{ name: "amqps", port: 55671 }] },
        });
        await kube.create(`/api/v1/namespaces/${ns}/services`, service("first"));
        await kube.create(`/api/v1/namespaces/${ns}/services`, service("second"));
        const addressOf = (name: string) =>
            waitFor(
                `an address for ${name}`,
                async () =>
                    (await kube.get(`/api/v1/namespaces/${ns}/services/${name}`)).status?.loadBalancer?.ingress?.[0]
                        ?.ip,
                30000,
            );
        const [first, second] = [await addressOf("first"), await addressOf("second")];
        assert.match(first, /^127\.\d+\.255\.\d+$/);
        assert.match(second, /^127\.\d+\.255\.\d+$/);
        assert.notEqual(first, second);
        await sleep(1500);
        assert.equal(await addressOf("first"), first, "an address stays the Service's");
    });

    it("uses Skupper's own CRDs when they are at hand, and the generated ones match them field by field", function () {
        const { toolchain } = e2e();
        if (!toolchain.skupperCrds) {
            // Emulated mode in CI: Skupper's CRDs are not available to compare with.
            assert.equal(crdsFor(toolchain).source, "generated from provider/crds");
            return;
        }
        assert.match(crdsFor(toolchain).source, /Skupper's own/);
        assert.deepEqual(compareCrds(generateCrds(), readCrdFolder(toolchain.skupperCrds)), []);
    });
});
