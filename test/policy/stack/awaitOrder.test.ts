import * as assert from "node:assert/strict";
import { awaitOrder } from "../../../policy/stack/awaitOrder";
import { binding, connector, pair, Resource, validateStack } from "../helper";

const waitsReady = { "pulumi.com/waitFor": "condition=Ready" };

describe("skupper-await-order", () => {
    it("is mandatory", () => assert.equal(awaitOrder.enforcementLevel, "mandatory"));

    it("passes a pair whose binding alone waits, after its connector", async () => {
        assert.deepEqual(await validateStack(awaitOrder, pair("orders")), []);
    });

    it("flags a pair whose two halves both wait, on the connector", async () => {
        const c = connector("shop", "orders", {}, waitsReady);
        const b: Resource = { ...binding("west", "orders"), dependencies: [c.urn] };
        const violations = await validateStack(awaitOrder, [c, b]);
        assert.equal(violations.length, 1);
        assert.equal(violations[0].urn, c.urn);
        assert.match(
            violations[0].message,
            /both wait for Skupper.*Remove the AttachedConnector's pulumi.com\/waitFor/,
        );
    });

    it("flags a waiting binding that does not depend on its connector", async () => {
        const b = binding("west", "orders");
        const violations = await validateStack(awaitOrder, [connector("shop", "orders"), b]);
        assert.deepEqual(
            violations.map((v) => v.urn),
            [b.urn],
        );
        assert.match(
            violations[0].message,
            /^AttachedConnectorBinding 'west\/orders' waits for Skupper but does not depend on its AttachedConnector, AttachedConnector 'shop\/orders'.*dependsOn/,
        );
    });

    it("passes the other order too: the connector waits, after its binding, which does not", async () => {
        const b = binding("west", "orders", {}, {});
        const c: Resource = { ...connector("shop", "orders", {}, waitsReady), dependencies: [b.urn] };
        assert.deepEqual(await validateStack(awaitOrder, [c, b]), []);
    });

    it("ignores halves whose partner is in another stack, and waits that are skipped", async () => {
        assert.deepEqual(await validateStack(awaitOrder, [binding("west", "orders")]), []);
        const skipping = binding("west", "orders", {}, { "pulumi.com/skipAwait": "true", ...waitsReady });
        assert.deepEqual(await validateStack(awaitOrder, [connector("shop", "orders"), skipping]), []);
    });
});
