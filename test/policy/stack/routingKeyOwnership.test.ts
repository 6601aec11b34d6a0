// skupper-routing-key-ownership, including where a prefix ends and another name begins.
import * as assert from "node:assert/strict";
import { routingKeyOwnership } from "../../../policy/stack/routingKeyOwnership";
import { binding, validateStack } from "../helper";

describe("skupper-routing-key-ownership", () => {
    const prefixes = { shop: ["shop-", "orders"] };

    it("reports nothing when no prefixes are configured", async () => {
        assert.deepEqual(
            await validateStack(routingKeyOwnership, [binding("west", "x", { routingKey: "billing-api" })]),
            [],
        );
    });

    it("passes keys inside the connector namespace's prefixes", async () => {
        assert.deepEqual(
            await validateStack(
                routingKeyOwnership,
                [binding("west", "a", { routingKey: "shop-api" }), binding("west", "b", { routingKey: "orders" })],
                { prefixes },
            ),
            [],
        );
    });

    it("lets a prefix own the key equal to it and the keys that continue it after '-' or '.'", async () => {
        const keys = ["shop", "shop-cart", "shop.cart", "shop-cart.v2"];
        const bindings = keys.map((routingKey, i) => binding("west", `b${i}`, { routingKey }));
        assert.deepEqual(await validateStack(routingKeyOwnership, bindings, { prefixes: { shop: ["shop"] } }), []);
    });

    it("does not let prefix shop own shopping-cart, which only shares its first letters", async () => {
        const b = binding("west", "x", { routingKey: "shopping-cart" });
        assert.deepEqual(await validateStack(routingKeyOwnership, [b], { prefixes: { shop: ["shop"] } }), [
            {
                message:
                    "AttachedConnectorBinding 'west/x': routing key 'shopping-cart' is outside connector namespace 'shop''s prefixes (allowed prefixes: shop).",
                urn: b.urn,
            },
        ]);
    });

    it("flags a key outside them", async () => {
        const b = binding("west", "x", { routingKey: "billing-api" });
        assert.deepEqual(await validateStack(routingKeyOwnership, [b], { prefixes }), [
            {
                message:
                    "AttachedConnectorBinding 'west/x': routing key 'billing-api' is outside connector namespace 'shop''s prefixes (allowed prefixes: shop-, orders).",
                urn: b.urn,
            },
        ]);
    });

    it("flags a key from a connector namespace that owns no prefix", async () => {
        const [v] = await validateStack(
            routingKeyOwnership,
            [binding("west", "x", { connectorNamespace: "billing", routingKey: "shop-api" })],
            { prefixes },
        );
        assert.match(v.message, /connector namespace 'billing''s prefixes \(it owns no routing-key prefix\)/);
    });
});
