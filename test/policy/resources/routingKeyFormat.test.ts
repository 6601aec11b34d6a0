import * as assert from "node:assert/strict";
import { routingKeyFormat } from "../../../policy/resources/routingKeyFormat";
import { binding, validateResource } from "../helper";

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
});
