// The site team goes first, then the workload team declares its half before the workload
// itself is deployed (a common order). While the binding exists and no pod matches the
// selector, Skupper watches for pods and writes nothing on either half, so no first report
// ever comes: the workload team's up must not wait for one. Each step's up returns at
// once and says what is missing (here through the default provider's credentials, which
// can read the pods); the Deployment's pods then make the pair ready.
import * as assert from "node:assert/strict";
import { UpResult } from "@pulumi/pulumi/automation";
import { SiteHalf, WorkloadHalf } from "../../../provider/index";
import { createDeployment, waitForReadyPods } from "../../localenv/cluster/objects";
import { e2e, newStack } from "../harness";
import { changed, condition, live, outputsOf, waitForStatus } from "../lifecycle/pairWorld";

const brief = (o: Record<string, any>) => ({ ready: o.ready, status: o.status, waitingFor: o.waitingFor });

async function timedUp(up: () => Promise<UpResult>): Promise<{ outputs: Record<string, any>; seconds: number }> {
    const started = Date.now();
    const result = await up();
    assert.deepEqual(changed(result.summary.resourceChanges ?? {}).update ?? 0, 0, "no half is updated");
    return { outputs: outputsOf(result), seconds: (Date.now() - started) / 1000 };
}

describe("site team first, then the workload team's half, then its pods", function () {
    this.timeout(600000);

    it("each up returns at once and names what is missing; once the pods run, both halves are ready", async () => {
        const { env, kube } = e2e();
        const [shop, west] = ["later-shop", "later-west"].map((n) => env.namespace(n));
        await env.createNamespaces(shop, west);
        await env.createSite(west);
        const site = await newStack(async () => {
            const half = new SiteHalf("backend", { siteNamespace: west, connectorNamespace: shop });
            return { ready: half.ready, status: half.status, message: half.message, waitingFor: half.waitingFor };
        }, "later-site");
        const workload = await newStack(async () => {
            const half = new WorkloadHalf("backend", {
                connectorNamespace: shop,
                siteNamespace: west,
                port: 8080,
                selector: "app=backend",
            });
            return { ready: half.ready, status: half.status, message: half.message, waitingFor: half.waitingFor };
        }, "later-workload");
        const podNeeded =
            `a Running, Ready pod in namespace '${shop}' matching the selector 'app=backend', which Skupper needs before it reports on the pair: ` +
            `no pod runs in namespace '${shop}', so none matches the selector 'app=backend'`;

        const siteAlone = await timedUp(() => site.up());
        console.log(
            `      site team, up (${siteAlone.seconds.toFixed(1)} s): ${JSON.stringify(brief(siteAlone.outputs))}`,
        );
        assert.deepEqual(brief(siteAlone.outputs), {
            ready: false,
            status: "Error",
            waitingFor: `the AttachedConnector 'backend' in namespace '${shop}', which the workload team declares`,
        });

        // The default timeoutSeconds is 300: an up that waited for a first report would fail after it.
        const workloadAlone = await timedUp(() => workload.up());
        console.log(
            `      workload team, up (${workloadAlone.seconds.toFixed(1)} s): ${JSON.stringify(brief(workloadAlone.outputs))}`,
        );
        assert.ok(workloadAlone.seconds < 60, `the workload team's up took ${workloadAlone.seconds} s`);
        assert.deepEqual(brief(workloadAlone.outputs), { ready: false, status: "", waitingFor: podNeeded });
        assert.equal((await live("AttachedConnector", shop, "backend"))?.status, undefined, "Skupper wrote nothing");

        const siteAgain = await timedUp(() => site.up());
        console.log(`      site team, next up: ${JSON.stringify(brief(siteAgain.outputs))}`);
        assert.equal(siteAgain.outputs.message, "No matching AttachedConnector", "Skupper's message from before");
        assert.deepEqual(brief(siteAgain.outputs), { ready: false, status: "Error", waitingFor: podNeeded });

        await createDeployment(kube, shop, "backend", { app: "backend" });
        await waitForReadyPods(kube, shop, "app=backend", 1);
        await waitForStatus(
            "Skupper to configure the pair once a pod runs",
            ["AttachedConnector", shop, "backend"],
            (o) => condition(o, "Ready")?.status === "True",
        );
        const workloadReady = await timedUp(() => workload.up());
        console.log(
            `      workload team, next up after the Deployment: ${JSON.stringify(brief(workloadReady.outputs))}`,
        );
        assert.deepEqual(brief(workloadReady.outputs), { ready: true, status: "Ready", waitingFor: "" });
        const siteReady = await timedUp(() => site.up());
        console.log(`      site team, next up after the Deployment: ${JSON.stringify(brief(siteReady.outputs))}`);
        assert.deepEqual([siteReady.outputs.ready, siteReady.outputs.waitingFor], [true, ""]);
    });
});
