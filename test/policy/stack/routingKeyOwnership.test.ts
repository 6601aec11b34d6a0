// skupper-routing-key-ownership, including where a prefix ends and another name begins.
import * as assert from "node:assert/strict";
import { routingKeyOwnership } from "../../../policy/stack/routingKeyOwnership";
import { binding, listener, validateStack } from "../helper";

describe("skupper-routing-key-ownership", () => {
    const prefixes = { shop: ["shop-", "orders"] };

    it("reports nothing when neither prefixes nor consumers are configured", async () => {
        assert.deepEqual(
            await validateStack(routingKeyOwnership, [
                binding("west", "x", { routingKey: "billing-api" }),
                listener("kube-public", "y", { routingKey: "shop-api" }),
            ]),
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

    describe("consumers: who may listen on a prefix's keys", () => {
        const consumers = { shop: ["shop", "team-*"], "shop-internal": ["shop"] };

        it("passes Listeners in a namespace their key's prefix names, by glob", async () => {
            const listeners = [
                listener("shop", "a", { routingKey: "shop-cart" }),
                listener("team-east", "b", { routingKey: "shop.orders" }),
                listener("shop", "c", { routingKey: "shop-internal-audit" }),
            ];
            assert.deepEqual(await validateStack(routingKeyOwnership, listeners, { consumers }), []);
        });

        it("flags a Listener outside them, on the Listener, saying what to do", async () => {
            const l = listener("east", "orders", { routingKey: "shop-orders" });
            assert.deepEqual(await validateStack(routingKeyOwnership, [l], { consumers }), [
                {
                    message:
                        "Listener 'east/orders': namespace 'east' may not consume routing key 'shop-orders', which prefix 'shop' owns (consumers: shop, team-*); move the Listener to a namespace consumers['shop'] names, or add 'east' to consumers['shop'] in the policy pack's config.",
                    urn: l.urn,
                },
            ]);
        });

        it("lets the longest prefix that owns a key decide", async () => {
            const [v, ...rest] = await validateStack(
                routingKeyOwnership,
                [listener("team-east", "audit", { routingKey: "shop-internal-audit" })],
                { consumers },
            );
            assert.deepEqual(rest, []);
            assert.match(
                v.message,
                /routing key 'shop-internal-audit', which prefix 'shop-internal' owns \(consumers: shop\);/,
            );
        });

        it("does not restrict keys that no configured prefix owns, such as shopping-cart", async () => {
            const listeners = ["shopping-cart", "billing-api"].map((routingKey, i) =>
                listener("anywhere", `l${i}`, { routingKey }),
            );
            assert.deepEqual(await validateStack(routingKeyOwnership, listeners, { consumers }), []);
        });

        it("says when a prefix lets no namespace consume its keys", async () => {
            const [v] = await validateStack(
                routingKeyOwnership,
                [listener("shop", "x", { routingKey: "vault-keys" })],
                { consumers: { vault: [] } },
            );
            assert.match(
                v.message,
                /^Listener 'shop\/x': namespace 'shop' may not consume routing key 'vault-keys', which prefix 'vault' owns \(consumers: none\);/,
            );
        });

        it("checks bindings only when prefixes are configured, and Listeners only when consumers are", async () => {
            const b = binding("west", "x", { routingKey: "billing-api" });
            const l = listener("east", "y", { routingKey: "shop-api" });
            const onlyConsumers = await validateStack(routingKeyOwnership, [b, l], { consumers });
            assert.deepEqual(
                onlyConsumers.map((v) => v.urn),
                [l.urn],
            );
            const onlyPrefixes = await validateStack(routingKeyOwnership, [b, l], { prefixes });
            assert.deepEqual(
                onlyPrefixes.map((v) => v.urn),
                [b.urn],
            );
        });
    });
});
