// The pulumi process is killed (SIGKILL) in the middle of up, while it waits
// for Skupper. It leaves its lock on the stack and the interrupted creates as pending
// operations; as Pulumi documents, `pulumi cancel` removes the lock, `pulumi refresh
// --clear-pending-creates` settles the operations, and the next up adopts the objects
// that were created (server-side apply) and finishes the job.
import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { scaleDeployment } from "../../localenv/cluster/objects";
import { waitFor } from "../../localenv/cluster/processes";
import { e2e, upInBackground } from "../harness";
import { bothHalvesCreated, objectsIn, pairWorld, upSettled } from "../lifecycle/pairWorld";

/** The PID of the `pulumi up` the Automation API runs for this stack. */
function pulumiUpPid(stackName: string): number | undefined {
    const lines = execFileSync("ps", ["-eo", "pid=,args="], { encoding: "utf8" }).split("\n");
    const line = lines.find((l) => / up /.test(l) && l.includes(`--stack ${stackName}`) && /\/pulumi /.test(l));
    return line ? Number(line.trim().split(/\s+/)[0]) : undefined;
}

/** The processes `pid` started (its plugins). */
function childPids(pid: number): number[] {
    return execFileSync("ps", ["-eo", "pid=,ppid="], { encoding: "utf8" })
        .split("\n")
        .map((l) => l.trim().split(/\s+/).map(Number))
        .filter(([, parent]) => parent === pid)
        .map(([child]) => child);
}

describe("faults: pulumi killed during up", function () {
    this.timeout(600000);

    it("leaves pending creates that refresh settles; the next up converges without duplicates", async () => {
        const { kube } = e2e();
        const world = await pairWorld("killed-pulumi", { replicas: 0 });
        const up = upInBackground(world.stack);
        await bothHalvesCreated(world);
        const pid = await waitFor("the pulumi process", async () => pulumiUpPid(world.stack.name), 10000);
        const plugins = childPids(pid);
        process.kill(pid, "SIGKILL");
        // Its plugins outlive it (re-parented, not signalled); a CI runner that kills the
        // job's process group stops them too, and so does the test.
        for (const plugin of plugins) {
            try {
                process.kill(plugin, "SIGKILL");
            } catch {
                // already gone
            }
        }
        await assert.rejects(up.result, "up fails when its process is killed");

        const pending = (await world.stack.exportStack()).deployment.pending_operations ?? [];
        assert.ok(pending.length > 0, "the interrupted creates are recorded as pending operations");
        await scaleDeployment(kube, world.shop, "backend", 1);
        // The killed process left its lock on the stack; `pulumi cancel` removes it.
        await world.stack.cancel();
        await world.stack.refresh({ clearPendingCreates: true });
        const outputs = await upSettled(world.stack);
        assert.equal(outputs.ready, true);
        assert.deepEqual((await world.stack.exportStack()).deployment.pending_operations ?? [], []);
        assert.deepEqual(await objectsIn("AttachedConnector", [world.shop, world.west]), [`${world.shop}/backend`]);
        assert.deepEqual(await objectsIn("AttachedConnectorBinding", [world.shop, world.west]), [
            `${world.west}/backend`,
        ]);
    });
});
