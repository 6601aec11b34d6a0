// Scenario 3: changes Skupper reconciles in place. routingKey, port, selector (a
// set-based one too) and exposePodsByName change without replacing either half: both
// UIDs stay, and the pair is ready again for the new generation.
import * as assert from "node:assert/strict";
import { condition, live, pairWorld, upSettled } from "./pairWorld";

describe("lifecycle: in-place changes", function () {
    this.timeout(600000);

    it("updates routingKey, port, selector and exposePodsByName in place and is ready for the new generation", async () => {
        const world = await pairWorld("in-place");
        assert.equal((await upSettled(world.stack)).ready, true);
        const uids = async () => [
            (await live("AttachedConnector", world.shop, "backend"))?.metadata.uid,
            (await live("AttachedConnectorBinding", world.west, "backend"))?.metadata.uid,
        ];
        const original = await uids();

        const steps = [
            { routingKey: "backend-v2", port: 9090 },
            { selector: "app in (backend),tier notin (batch)", exposePodsByName: true },
        ];
        for (const change of steps) {
            Object.assign(world.args, change);
            const outputs = await upSettled(world.stack);
            assert.equal(outputs.ready, true, `ready after ${JSON.stringify(change)}`);
            assert.deepEqual(await uids(), original, `${JSON.stringify(change)} replaced a half`);
        }

        const connector = await live("AttachedConnector", world.shop, "backend");
        const binding = await live("AttachedConnectorBinding", world.west, "backend");
        assert.deepEqual(
            [connector?.spec.port, connector?.spec.selector],
            [9090, "app in (backend),tier notin (batch)"],
        );
        assert.deepEqual([binding?.spec.routingKey, binding?.spec.exposePodsByName], ["backend-v2", true]);
        assert.ok(
            connector!.metadata.generation > 1 && binding!.metadata.generation > 1,
            "both halves have a new generation",
        );
        // condition() also checks that each condition is for the current generation.
        assert.equal(condition(connector, "Ready")?.status, "True");
        assert.equal(condition(binding, "Configured")?.status, "True");
    });
});
