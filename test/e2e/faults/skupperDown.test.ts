// Whatever plays Skupper (the controller in real mode, the emulator in
// emulated mode) is down when up starts, or restarts in the middle of it. up waits
// for it; when it stays away longer than timeoutSeconds, up fails saying what it saw,
// and the next up (Skupper back) converges without duplicating anything.
import * as assert from "node:assert/strict";
import { scaleDeployment } from "../../localenv/cluster/objects";
import { sleep } from "../../localenv/cluster/processes";
import { e2e, upInBackground } from "../harness";
import { bothHalvesCreated, objectsIn, pairWorld, upSettled } from "../lifecycle/pairWorld";

describe("faults: Skupper down or restarting", function () {
    this.timeout(600000);

    before(function () {
        if (e2e().env.existingCluster) this.skip(); // an existing cluster's controller is not ours to stop
    });

    afterEach(async () => {
        const { env } = e2e();
        if (!env.processes.running(env.skupperProcess)) await env.processes.start(env.skupperProcess);
    });

    it("waits while Skupper is down and succeeds once it starts 10 s later", async () => {
        const { env } = e2e();
        const world = await pairWorld("skupper-late");
        await env.processes.stop(env.skupperProcess);
        const up = upInBackground(world.stack);
        await sleep(10000);
        assert.equal(up.returned(), false, "up returned while nothing reconciled the pair");
        await env.processes.start(env.skupperProcess);
        const outputs = (await up.result).outputs;
        assert.equal(outputs.ready.value, true);
        await upSettled(world.stack);
    });

    it("fails after timeoutSeconds while Skupper stays down, saying no controller handles the namespaces; the next up succeeds", async () => {
        const { env } = e2e();
        const world = await pairWorld("skupper-away", { args: { timeoutSeconds: 10 } });
        await env.processes.stop(env.skupperProcess);
        const error = await world.stack.up().then(
            () => undefined,
            (e: Error) => e,
        );
        assert.ok(error, "up must fail while nothing reconciles");
        assert.match(
            error.message,
            new RegExp(
                `AttachedConnectorBinding ${world.west}/backend did not become Configured: Skupper wrote no status on it; its partner has none either: ` +
                    `no Skupper controller handles namespaces '${world.shop}' and '${world.west}'\\. Skupper's controller must run cluster-wide, or watch both namespaces`,
            ),
        );
        console.log(`      ${error.message.split("\n").find((l) => l.includes("did not become"))}`);

        await env.processes.start(env.skupperProcess);
        const outputs = await upSettled(world.stack);
        assert.equal(outputs.ready, true);
        assert.deepEqual(await objectsIn("AttachedConnector", [world.shop, world.west]), [`${world.shop}/backend`]);
        assert.deepEqual(await objectsIn("AttachedConnectorBinding", [world.shop, world.west]), [
            `${world.west}/backend`,
        ]);
    });

    it("survives Skupper restarting in the middle of up", async () => {
        const { env, kube } = e2e();
        const world = await pairWorld("skupper-restart", { replicas: 0 });
        const up = upInBackground(world.stack);
        // With no pod yet, Skupper may write no status on the connector: wait for the objects.
        await bothHalvesCreated(world);
        await env.processes.restart(env.skupperProcess);
        await scaleDeployment(kube, world.shop, "backend", 1);
        assert.equal((await up.result).outputs.ready.value, true);
        await upSettled(world.stack);
    });
});
