// A cluster without Skupper's CRDs: the connector's create fails, and the error says that
// Skupper must be installed, naming the missing kind. Afterwards the CRD is installed
// again (and Skupper restarted, so that its informers start afresh) for the tests after.
import * as assert from "node:assert/strict";
import { crdsFor, installCrds } from "../../localenv/cluster/skupper";
import { paths } from "../../localenv/cluster/kubeClient";
import { waitFor } from "../../localenv/cluster/processes";
import { e2e } from "../harness";
import { pairWorld } from "../lifecycle/pairWorld";

const CRD = "attachedconnectors.skupper.io";

describe("faults: Skupper's CRDs not installed", function () {
    this.timeout(600000);

    before(function () {
        if (e2e().env.existingCluster) this.skip(); // an existing cluster's CRDs are not ours to remove
    });

    after(async () => {
        const { env, kube, toolchain } = e2e();
        if (env.existingCluster) return;
        const { crds } = crdsFor(toolchain);
        await installCrds(
            kube,
            crds.filter((c) => c.metadata.name === CRD),
        );
        await env.processes.restart(env.skupperProcess);
    });

    it("fails on the connector's create, saying that Skupper's CRDs must be installed", async () => {
        const { kube } = e2e();
        const world = await pairWorld("no-crds", { args: { timeoutSeconds: 15 } });
        await kube.request("DELETE", `${paths.crds}/${CRD}`);
        await waitFor(
            "the CRD to be gone",
            async () => ((await kube.find(`${paths.crds}/${CRD}`)) ? undefined : true),
            60000,
        );
        const error = await world.stack.up().then(
            () => undefined,
            (e: Error) => e,
        );
        assert.ok(error, "up must fail");
        console.log(`      ${error.message.split("\n").find((l) => l.includes("CRDs")) ?? error.message}`);
        assert.match(
            error.message,
            new RegExp(
                `AttachedConnector ${world.shop}/backend: create failed; Skupper's CRDs are not installed in this cluster ` +
                    "\\(no kind AttachedConnector in skupper.io/v2alpha1\\): install Skupper 2.x",
            ),
        );
    });
});
