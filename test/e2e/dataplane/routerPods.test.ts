// The environment runs a router pod's containers as a kubelet would: while the pod of
// Skupper's router Deployment runs, and no longer once the Deployment is scaled to zero
// or deleted, or the pod itself is. (That none outlives the environment is checked when the tier stops it.)
import * as assert from "node:assert/strict";
import { waitFor } from "../../localenv/cluster/processes";
import { podProcesses } from "../../localenv/dataplane/podProcesses";
import { paths } from "../../localenv/cluster/kubeClient";
import { e2e } from "../harness";
import { onlyInMode } from "../modes";

const deployment = (ns: string) => `/apis/apps/v1/namespaces/${ns}/deployments/skupper-router`;

function containersOf(namespace: string): { pod: string; containers: string[] } | undefined {
    const mine = podProcesses(e2e().env.dir).filter((p) => p.pod.startsWith(`${namespace}/`));
    if (mine.length === 0) return undefined;
    return { pod: mine[0].pod, containers: [...new Set(mine.map((p) => p.container))].sort() };
}

describe("data plane: router pods", function () {
    this.timeout(600000);
    onlyInMode(this, "network", "it runs Skupper's router, which only that mode does");

    it("runs the router and the kube-adaptor while the pod runs; ends them when the pod or its Deployment is deleted", async () => {
        const { env, kube } = e2e();
        const ns = env.namespace("dp-pods");
        await env.createNamespaces(ns);
        await env.createSite(ns);
        const running = await waitFor(
            "the router pod's containers",
            async () => {
                const found = containersOf(ns);
                return found && found.containers.includes("router") && found.containers.includes("kube-adaptor")
                    ? found
                    : undefined;
            },
            120000,
        );
        assert.deepEqual(running.containers, ["", "kube-adaptor", "router"], "the init container has finished");

        // A pod deleted, as scaling down or an eviction deletes it. (Scaling Skupper's router
        // Deployment to zero does not hold: its controller sets the replicas back.)
        const [, name] = running.pod.split("/");
        await kube.delete(`${paths.pods(ns)}/${name}`);
        await waitFor(
            "the deleted pod's processes to end",
            async () => (podProcesses(env.dir).some((p) => p.pod === running.pod) ? undefined : true),
            60000,
        );
        const again = await waitFor(
            "the replacement pod's containers",
            async () => {
                const found = containersOf(ns);
                return found && found.pod !== running.pod && found.containers.includes("router") ? found : undefined;
            },
            120000,
        );
        // In the foreground, as `kubectl delete --cascade=foreground` does: the pods go before
        // the Deployment, so the controller's new Deployment cannot adopt them.
        await kube.request("DELETE", deployment(ns), { propagationPolicy: "Foreground" });
        await waitFor(
            "the deleted Deployment's pod's processes to end",
            async () => (podProcesses(env.dir).some((p) => p.pod === again.pod) ? undefined : true),
            120000,
        );
        await kube.delete(paths.skupper(ns, "Site", "site"));
    });
});
