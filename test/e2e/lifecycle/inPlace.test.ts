// Changes Skupper reconciles in place, of either half alone or of both: neither half is
// replaced (both UIDs stay), and every up returns only once Skupper has configured both
// halves for their new generation (a change of the connector alone is awaited on the
// binding, through the digest of the connector's spec in its settings).
import * as assert from "node:assert/strict";
import { condition, live, pairWorld, upSettled } from "./pairWorld";

describe("lifecycle: in-place changes", function () {
    this.timeout(600000);

    it("updates either half in place and returns ready for the new generation of both", async () => {
        const world = await pairWorld("in-place");
        assert.equal((await upSettled(world.stack)).ready, true);
        const uids = async () => [
            (await live("AttachedConnector", world.shop, "backend"))?.metadata.uid,
            (await live("AttachedConnectorBinding", world.west, "backend"))?.metadata.uid,
        ];
        const original = await uids();

        const steps = [
            { port: 9090 },
            { routingKey: "backend-v2" },
            { connectorSettings: { team: "shop" } },
            { tlsCredentials: "backend-tls" },
            { bindingSettings: { team: "west" } },
            { selector: "app in (backend),tier notin (batch)", exposePodsByName: true },
        ];
        for (const change of steps) {
            Object.assign(world.args, change);
            const generations = async () => [
                (await live("AttachedConnector", world.shop, "backend"))?.metadata.generation,
                (await live("AttachedConnectorBinding", world.west, "backend"))?.metadata.generation,
            ];
            const before = await generations();
            const outputs = await upSettled(world.stack);
            // ready is read back right after the wait: both halves configured for their current generation.
            assert.equal(outputs.ready, true, `ready after ${JSON.stringify(change)}`);
            assert.deepEqual(await uids(), original, `${JSON.stringify(change)} replaced a half`);
            const after = await generations();
            assert.ok(
                after[1]! > before[1]!,
                `${JSON.stringify(change)} is awaited on a new generation of the binding`,
            );
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
