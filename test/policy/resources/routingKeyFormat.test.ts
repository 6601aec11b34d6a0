import * as assert from "node:assert/strict";
import { routingKeyFormat } from "../../../policy/resources/routingKeyFormat";
import { binding, connector, listener, validateResource } from "../helper";

describe("skupper-routing-key-format", () => {
    it("passes a DNS-1123 routing key", async () => {
        assert.deepEqual(
            await validateResource(routingKeyFormat, binding("west", "orders", { routingKey: "orders.shop" })),
            [],
        );
    });

    it("flags an invalid routing key, quoting it", async () => {
        const [violation] = await validateResource(
            routingKeyFormat,
            binding("west", "orders", { routingKey: "orders:8080" }),
        );
        assert.match(violation, /^AttachedConnectorBinding 'west\/orders': spec.routingKey 'orders:8080' is not valid/);
    });

    it("flags a missing routing key", async () => {
        assert.deepEqual(
            await validateResource(routingKeyFormat, binding("west", "orders", { routingKey: undefined })),
            ["AttachedConnectorBinding 'west/orders': spec.routingKey is missing."],
        );
    });

    it("checks a Listener's routing key by the same rule", async () => {
        assert.deepEqual(await validateResource(routingKeyFormat, listener("east", "orders")), []);
        const [violation] = await validateResource(
            routingKeyFormat,
            listener("east", "orders", { routingKey: "Orders" }),
        );
        assert.match(violation, /^Listener 'east\/orders': spec.routingKey 'Orders' is not valid/);
        assert.deepEqual(
            await validateResource(routingKeyFormat, listener("east", "orders", { routingKey: undefined })),
            ["Listener 'east/orders': spec.routingKey is missing."],
        );
    });

    it("ignores AttachedConnectors, which have no routing key", async () => {
        assert.deepEqual(await validateResource(routingKeyFormat, connector("shop", "orders")), []);
    });
});
