// The router killed: the environment restarts its container as a kubelet does, and
// traffic resumes. The restarted router starts from the configuration of its pod's start;
// Skupper 2.2.1's kube-adaptor re-applies the bridges added since only on a change of the
// site's router ConfigMap or on its informer's 5-minute resync, so the listener can go
// unanswered for up to five minutes while every status says matched. What a plain up
// reports during the outage is recorded in test/RELIABILITY.md.
import * as assert from "node:assert/strict";
import { waitFor } from "../../localenv/cluster/processes";
import { podProcesses } from "../../localenv/dataplane/podProcesses";
import { routerContainers } from "../../localenv/dataplane/traffic";
import { e2e } from "../harness";
import { outputsOf } from "../lifecycle/pairWorld";
import { onlyInMode } from "../modes";
import { networkWorld, send, waitForTraffic, upSettled } from "./networkWorld";

describe("data plane: the router killed", function () {
    this.timeout(600000);
    onlyInMode(this, "network", "it kills Skupper's router, which only that mode runs");

    it("is restarted, and traffic resumes", async () => {
        const { env, kube } = e2e();
        const world = await networkWorld("dp-kill", {
            pair: { awaitListener: true },
            listeners: [{ name: "frontend", routingKey: "backend" }],
        });
        assert.equal((await upSettled(world.stack)).hasMatchingListener, true);
        await waitForTraffic(world);

        const before = await routerContainers(kube, env.dir, world.west);
        const router = before.containers.router;
        assert.ok(router?.running, `the router runs (${JSON.stringify(before.containers)})`);
        const [process_] = podProcesses(env.dir).filter(
            (p) => p.pod === `${world.west}/${before.pod}` && p.container === "router",
        );
        assert.ok(process_, "the router's process is found on this machine");
        const killedAt = Date.now();
        process.kill(process_.pid, "SIGKILL");
        const during = await send(world, 1).catch((e) => [{ failure: String(e), pod: undefined }]);
        const outage = outputsOf(await world.stack.up());
        console.log(
            `      during the outage: a line ${during[0].pod ? `answered by ${during[0].pod}` : `failed (${during[0].failure})`}; ` +
                `up: ready ${outage.ready}, hasMatchingListener ${outage.hasMatchingListener}, binding ${outage.bindingStatus}, ` +
                `listener ${JSON.stringify(outage.listeners.frontend)}`,
        );

        const restarted = await waitFor(
            "the router to be restarted",
            async () => {
                const now = (await routerContainers(kube, env.dir, world.west)).containers.router;
                return now?.running && now.restarts > router.restarts ? now : undefined;
            },
            60000,
        );
        assert.equal(restarted.restarts, router.restarts + 1);
        await waitForTraffic(world, undefined, 400000);
        console.log(`      traffic resumed ${Math.round((Date.now() - killedAt) / 1000)} s after the kill`);
        const after = outputsOf(await world.stack.up());
        assert.deepEqual([after.ready, after.hasMatchingListener], [true, true]);
    });
});
