import * as assert from "node:assert/strict";
import { routingKeyUnique } from "../../../policy/stack/routingKeyUnique";
import { binding, listener, pair, validateStack } from "../helper";

describe("skupper-routing-key-unique", () => {
    it("is advisory by default", () => assert.equal(routingKeyUnique.enforcementLevel, "advisory"));

    it("passes distinct routing keys", async () => {
        assert.deepEqual(await validateStack(routingKeyUnique, [...pair("a"), ...pair("b")]), []);
    });

    it("flags bindings that share a routing key", async () => {
        const violations = await validateStack(routingKeyUnique, [...pair("a", "orders"), ...pair("b", "orders")]);
        assert.deepEqual(
            violations.map((v) => v.message),
            ["AttachedConnectorBinding 'west/b' shares routing key 'orders' with AttachedConnectorBinding 'west/a'."],
        );
    });

    it("reports each further binding of a key against the first, and ignores bindings without a key", async () => {
        const violations = await validateStack(routingKeyUnique, [
            ...pair("a", "orders"),
            ...pair("b", "orders"),
            ...pair("c", "orders"),
            binding("west", "d", { routingKey: undefined }),
            binding("west", "e", { routingKey: undefined }),
        ]);
        assert.deepEqual(
            violations.map((v) => v.message),
            [
                "AttachedConnectorBinding 'west/b' shares routing key 'orders' with AttachedConnectorBinding 'west/a'.",
                "AttachedConnectorBinding 'west/c' shares routing key 'orders' with AttachedConnectorBinding 'west/a'.",
            ],
        );
    });

    it("does not count Listeners, which consume a key rather than serve it", async () => {
        assert.deepEqual(
            await validateStack(routingKeyUnique, [...pair("a", "orders"), listener("east", "orders")]),
            [],
        );
    });
});
