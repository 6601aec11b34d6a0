// kube-apiserver restarts in the middle of up (etcd keeps the data). The
// provider's wait, Skupper and kwok reconnect; up succeeds and nothing is duplicated.
import * as assert from "node:assert/strict";
import { scaleDeployment } from "../../localenv/cluster/objects";
import { e2e, upInBackground } from "../harness";
import { bothHalvesCreated, objectsIn, pairWorld, upSettled } from "../lifecycle/pairWorld";

describe("faults: kube-apiserver restarts during up", function () {
    this.timeout(600000);

    before(function () {
        if (e2e().env.existingCluster) this.skip(); // an existing cluster's API server is not ours to restart
    });

    it("finishes the up once the API server is back", async () => {
        const { env, kube } = e2e();
        const world = await pairWorld("apiserver-restart", { replicas: 0 });
        const up = upInBackground(world.stack);
        await bothHalvesCreated(world);
        await env.processes.restart("kube-apiserver");
        await scaleDeployment(kube, world.shop, "backend", 1);
        assert.equal((await up.result).outputs.ready.value, true);
        await upSettled(world.stack);
        assert.deepEqual(await objectsIn("AttachedConnector", [world.shop, world.west]), [`${world.shop}/backend`]);
        assert.deepEqual(await objectsIn("AttachedConnectorBinding", [world.shop, world.west]), [
            `${world.west}/backend`,
        ]);
    });
});
