// The waits cannot hold each other up: every wait is the binding's, after its connector
// exists, so any number of new pairs become ready one engine step at a time.
import * as assert from "node:assert/strict";
import { AttachedConnectorPair } from "../../../provider/index";
import { newStack } from "../harness";
import { outputsOf, pairNamespaces } from "./pairWorld";

describe("lifecycle: new pairs under --parallel 1", function () {
    this.timeout(600000);

    it("creates 10 new pairs with one step at a time, all ready", async () => {
        const { shop, west } = await pairNamespaces("serial");
        const stack = await newStack(async () => {
            const pairs = Array.from(
                { length: 10 },
                (_, i) =>
                    new AttachedConnectorPair(`pair-${i}`, {
                        connectorNamespace: shop,
                        siteNamespace: west,
                        port: 8080,
                        selector: "app=backend",
                        timeoutSeconds: 60,
                    }),
            );
            return { ready: pairs.map((p) => p.ready) };
        }, "serial");
        const started = Date.now();
        const outputs = outputsOf(await stack.up({ parallel: 1 }));
        console.log(`      10 new pairs with --parallel 1: ${((Date.now() - started) / 1000).toFixed(1)} s`);
        assert.deepEqual(outputs.ready, Array(10).fill(true));
    });
});
