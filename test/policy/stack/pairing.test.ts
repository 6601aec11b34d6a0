import * as assert from "node:assert/strict";
import { pairing } from "../../../policy/stack/pairing";
import { binding, connector, pair, validateStack } from "../helper";

describe("skupper-pairing", () => {
    it("passes matching pairs", async () => {
        assert.deepEqual(await validateStack(pairing, [...pair("orders"), ...pair("payments")]), []);
    });

    it("flags a connector without its binding, on the connector", async () => {
        const c = connector("shop", "orders");
        assert.deepEqual(await validateStack(pairing, [c]), [
            {
                message:
                    "AttachedConnector 'shop/orders': no AttachedConnectorBinding named 'orders' in namespace 'west' (spec.siteNamespace); the pair is missing its other half.",
                urn: c.urn,
            },
        ]);
    });

    it("flags a binding without its connector", async () => {
        const [v] = await validateStack(pairing, [binding("west", "orders")]);
        assert.equal(
            v.message,
            "AttachedConnectorBinding 'west/orders': no AttachedConnector named 'orders' in namespace 'shop' (spec.connectorNamespace); the pair is missing its other half.",
        );
    });

    it("flags a binding whose connectorNamespace does not point back", async () => {
        const violations = await validateStack(pairing, [
            connector("shop", "orders"),
            binding("west", "orders", { connectorNamespace: "billing" }),
        ]);
        assert.deepEqual(
            violations.map((v) => v.message),
            [
                "AttachedConnector 'shop/orders': its other half, AttachedConnectorBinding 'west/orders', has spec.connectorNamespace 'billing', not 'shop'.",
                "AttachedConnectorBinding 'west/orders': spec.connectorNamespace is 'billing', but its other half is AttachedConnector 'shop/orders'.",
            ],
        );
    });

    it("flags a connector whose siteNamespace disagrees with its binding's namespace", async () => {
        const violations = await validateStack(pairing, [
            connector("shop", "orders", { siteNamespace: "east" }),
            binding("west", "orders"),
        ]);
        assert.deepEqual(
            violations.map((v) => v.message),
            [
                "AttachedConnector 'shop/orders': spec.siteNamespace is 'east', but its other half is AttachedConnectorBinding 'west/orders'.",
                "AttachedConnectorBinding 'west/orders': its other half, AttachedConnector 'shop/orders', has spec.siteNamespace 'east', not 'west'.",
            ],
        );
    });

    it("flags halves whose names differ", async () => {
        const violations = await validateStack(pairing, [connector("shop", "orders"), binding("west", "order")]);
        assert.equal(violations.length, 2);
        assert.match(violations[0].message, /no AttachedConnectorBinding named 'orders'/);
        assert.match(violations[1].message, /no AttachedConnector named 'order'/);
    });

    describe("with splitOwnership", () => {
        it("allows a stack that owns only one half", async () => {
            assert.deepEqual(await validateStack(pairing, [connector("shop", "orders")], { splitOwnership: true }), []);
            assert.deepEqual(await validateStack(pairing, [binding("west", "orders")], { splitOwnership: true }), []);
        });

        it("still flags references that disagree", async () => {
            const violations = await validateStack(
                pairing,
                [connector("shop", "orders"), binding("west", "orders", { connectorNamespace: "billing" })],
                { splitOwnership: true },
            );
            assert.equal(violations.length, 2);
        });
    });
});
