import * as assert from "node:assert/strict";
import { routingKeyUnique } from "../../../policy/stack/routingKeyUnique";
import { pair, validateStack } from "../helper";

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
});
