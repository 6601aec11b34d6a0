// `destroy` leaves no AttachedConnector or binding anywhere, and the
// namespaces can be removed afterwards.
import * as assert from "node:assert/strict";
import { paths } from "../../localenv/cluster/kubeClient";
import { waitFor } from "../../localenv/cluster/processes";
import { e2e } from "../harness";
import { objectsIn, pairWorld, upSettled } from "./pairWorld";

describe("lifecycle: destroy", function () {
    this.timeout(600000);

    it("removes both halves, and the namespaces can be deleted afterwards", async () => {
        const { kube } = e2e();
        const world = await pairWorld("destroy");
        assert.equal((await upSettled(world.stack)).ready, true);
        await world.stack.destroy();
        assert.deepEqual(await objectsIn("AttachedConnector", [world.shop, world.west]), []);
        assert.deepEqual(await objectsIn("AttachedConnectorBinding", [world.shop, world.west]), []);
        const state = await world.stack.exportStack();
        assert.deepEqual(
            (state.deployment.resources ?? []).filter(
                (r: { type: string }) => r.type !== "pulumi:pulumi:Stack" && !r.type.startsWith("pulumi:providers:"),
            ),
            [],
        );

        for (const ns of [world.shop, world.west]) await kube.delete(paths.namespace(ns));
        await waitFor(
            "both namespaces gone",
            async () =>
                (await kube.find(paths.namespace(world.shop))) || (await kube.find(paths.namespace(world.west)))
                    ? undefined
                    : true,
            120000,
        );
    });
});
