// The local environment's own parts, checked on the running environment: kwok runs a
// Deployment's Pods for real, the remote-listener double writes what Skupper reads,
// and the CRDs in use match Skupper's own where those are at hand.
import * as assert from "node:assert/strict";
import { crdsFor } from "../localenv/cluster/skupper";
import { compareCrds, readCrdFolder } from "../localenv/cluster/skupperCrds";
import { generateCrds } from "../localenv/cluster/crds";
import { paths } from "../localenv/cluster/kubeClient";
import { createDeployment, waitForReadyPods } from "../localenv/cluster/objects";
import { writeRemoteListener } from "../localenv/doubles/remoteListener";
import { e2e } from "./harness";

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

    it("writes remote listeners with their routing keys into skupper-network-status", async () => {
        const { env, kube } = e2e();
        const ns = env.namespace("env-listener");
        await env.createNamespaces(ns);
        await writeRemoteListener(kube, ns, "backend");
        await writeRemoteListener(kube, ns, "orders");
        const configMap = await kube.get(`${paths.configMaps(ns)}/skupper-network-status`);
        const status = JSON.parse(configMap.data.NetworkStatus);
        const addresses = status.siteStatus.flatMap((s: any) =>
            s.routerStatus.flatMap((r: any) => r.listeners.map((l: any) => l.address)),
        );
        assert.deepEqual(
            addresses.filter((a: string) => ["backend", "orders"].includes(a)),
            ["backend", "orders"],
        );
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
