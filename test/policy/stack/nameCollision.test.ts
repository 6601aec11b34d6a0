import * as assert from "node:assert/strict";
import { nameCollision } from "../../../policy/stack/nameCollision";
import { connector, pair, validateStack } from "../helper";

describe("skupper-name-collision", () => {
    it("passes distinct names, and one name aimed at different sites", async () => {
        assert.deepEqual(
            await validateStack(nameCollision, [
                ...pair("a"),
                ...pair("b"),
                connector("shop", "a", { siteNamespace: "east" }),
            ]),
            [],
        );
    });

    it("flags two connectors of one name aimed at one site", async () => {
        const second = connector("billing", "orders");
        assert.deepEqual(await validateStack(nameCollision, [connector("shop", "orders"), second]), [
            {
                message:
                    "AttachedConnector 'billing/orders' and AttachedConnector 'shop/orders' both attach to site namespace 'west' under the name 'orders'.",
                urn: second.urn,
            },
        ]);
    });

    it("reports each further connector of a group against the first", async () => {
        const [first, second, third] = ["shop", "billing", "cart"].map((ns) => connector(ns, "orders"));
        const violations = await validateStack(nameCollision, [first, second, third]);
        assert.deepEqual(
            violations.map((v) => [v.urn, v.message.split(" and ")[1]]),
            [
                [
                    second.urn,
                    "AttachedConnector 'shop/orders' both attach to site namespace 'west' under the name 'orders'.",
                ],
                [
                    third.urn,
                    "AttachedConnector 'shop/orders' both attach to site namespace 'west' under the name 'orders'.",
                ],
            ],
        );
    });
});
