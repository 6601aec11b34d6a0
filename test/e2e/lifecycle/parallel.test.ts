// The waits cannot hold each other up: every wait is the binding's, after its connector
// exists, so any number of new pairs become ready one engine step at a time. And each
// pair's outputs are read after its own wait, so each reports ready on that same up,
// however many the engine runs at once.
import * as assert from "node:assert/strict";
import { AttachedConnectorPair } from "../../../provider/index";
import { newStack } from "../harness";
import { outputsOf, pairNamespaces } from "./pairWorld";

describe("lifecycle: many new pairs in one up", function () {
    this.timeout(600000);

    const cases = [
        { n: 10, parallel: 1, base: "serial" },
        { n: 40, parallel: undefined, base: "crowd" },
    ];
    for (const { n, parallel, base } of cases) {
        const steps = parallel ? `--parallel ${parallel}` : "the engine's default parallelism";
        it(`creates ${n} new pairs with ${steps}, every one reporting ready on that up`, async () => {
            const { shop, west } = await pairNamespaces(base);
            const stack = await newStack(async () => {
                const pairs = Array.from(
                    { length: n },
                    (_, i) =>
                        new AttachedConnectorPair(`pair-${i}`, {
                            connectorNamespace: shop,
                            siteNamespace: west,
                            port: 8080,
                            selector: "app=backend",
                            timeoutSeconds: 60,
                        }),
                );
                return {
                    ready: pairs.map((p) => p.ready),
                    connectorStatus: pairs.map((p) => p.connectorStatus),
                };
            }, base);
            const started = Date.now();
            const outputs = outputsOf(await stack.up({ parallel }));
            console.log(`      ${n} new pairs with ${steps}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
            assert.deepEqual(outputs.ready, Array(n).fill(true));
            assert.deepEqual(outputs.connectorStatus, Array(n).fill("Ready"));
        });
    }
});
