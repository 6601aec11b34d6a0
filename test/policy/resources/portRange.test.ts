import * as assert from "node:assert/strict";
import { portRange } from "../../../policy/resources/portRange";
import { binding, connector, listener, validateResource } from "../helper";

describe("skupper-port-range", () => {
    it("passes a port in range", async () => {
        assert.deepEqual(await validateResource(portRange, connector("shop", "orders", { port: 65535 })), []);
    });

    for (const port of [0, 65536, 80.5, "8080", undefined]) {
        it(`flags port ${JSON.stringify(port)}, naming the object and the value`, async () => {
            const [violation, ...rest] = await validateResource(portRange, connector("shop", "orders", { port }));
            assert.deepEqual(rest, []);
            assert.match(
                violation,
                new RegExp(
                    `^AttachedConnector 'shop/orders': spec.port ${JSON.stringify(port) ?? "undefined"} is not an integer from 1 to 65535`,
                ),
            );
        });
    }

    it("ignores bindings", async () => {
        assert.deepEqual(await validateResource(portRange, binding("west", "orders", { port: 0 })), []);
    });

    it("checks a Listener's port by the same rule", async () => {
        assert.deepEqual(await validateResource(portRange, listener("east", "orders", { port: 1 })), []);
        assert.deepEqual(await validateResource(portRange, listener("east", "orders", { port: 70000 })), [
            "Listener 'east/orders': spec.port 70000 is not an integer from 1 to 65535.",
        ]);
    });
});
