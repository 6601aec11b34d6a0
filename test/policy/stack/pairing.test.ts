import * as assert from "node:assert/strict";
import { pairing } from "../../../policy/stack/pairing";
import { binding, connector, pair, validateStack } from "../helper";

const alone = { "pulumi.skupper.io/partner-declared-elsewhere": "true" };

describe("skupper-pairing", () => {
    it("passes matching pairs", async () => {
        assert.deepEqual(await validateStack(pairing, [...pair("orders"), ...pair("payments")]), []);
    });

    it("flags a connector without its binding, on the connector", async () => {
        const c = connector("shop", "orders");
        assert.deepEqual(await validateStack(pairing, [c]), [
            {
                message:
                    "AttachedConnector 'shop/orders': no AttachedConnectorBinding named 'orders' in namespace 'west' (spec.siteNamespace), so the pair is missing its other half; declare it in this stack, or, if another stack declares it, annotate this half pulumi.skupper.io/partner-declared-elsewhere: \"true\".",
                urn: c.urn,
            },
        ]);
    });

    it("flags a binding without its connector", async () => {
        const [v] = await validateStack(pairing, [binding("west", "orders")]);
        assert.equal(
            v.message,
            "AttachedConnectorBinding 'west/orders': no AttachedConnector named 'orders' in namespace 'shop' (spec.connectorNamespace), so the pair is missing its other half; declare it in this stack, or, if another stack declares it, annotate this half pulumi.skupper.io/partner-declared-elsewhere: \"true\".",
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

    describe("one team's half alone, annotated pulumi.skupper.io/partner-declared-elsewhere", () => {
        it("passes an annotated connector or binding whose partner is not in the stack, without splitOwnership", async () => {
            assert.deepEqual(await validateStack(pairing, [connector("shop", "orders", {}, alone)]), []);
            assert.deepEqual(await validateStack(pairing, [binding("west", "orders", {}, alone)]), []);
        });

        it("still flags a raw half whose partner is missing, and one annotated with another value than true", async () => {
            const raw = connector("shop", "orders");
            const notTrue = binding("west", "payments", {}, { "pulumi.skupper.io/partner-declared-elsewhere": "yes" });
            const violations = await validateStack(pairing, [raw, notTrue, binding("west", "cache", {}, alone)]);
            assert.deepEqual(
                violations.map((v) => v.urn),
                [raw.urn, notTrue.urn],
            );
            assert.match(violations[0].message, /the pair is missing its other half/);
        });

        it("flags annotated halves whose partner is in the stack but whose references disagree", async () => {
            const wrongBack = await validateStack(pairing, [
                connector("shop", "orders", {}, alone),
                binding("west", "orders", { connectorNamespace: "billing" }, alone),
            ]);
            assert.equal(wrongBack.length, 2, JSON.stringify(wrongBack));
            const wrongSite = await validateStack(pairing, [
                connector("shop", "orders", { siteNamespace: "east" }, alone),
                binding("west", "orders", {}, alone),
            ]);
            assert.deepEqual(
                wrongSite.map((v) => v.message),
                [
                    "AttachedConnector 'shop/orders': spec.siteNamespace is 'east', but its other half is AttachedConnectorBinding 'west/orders'.",
                    "AttachedConnectorBinding 'west/orders': its other half, AttachedConnector 'shop/orders', has spec.siteNamespace 'east', not 'west'.",
                ],
            );
        });

        it("passes annotated halves that are both in the stack and agree", async () => {
            const c = connector("shop", "orders", {}, alone);
            assert.deepEqual(await validateStack(pairing, [c, binding("west", "orders", {}, alone)]), []);
        });
    });
});
