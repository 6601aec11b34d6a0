import * as assert from "node:assert/strict";
import { noSelfAttachment } from "../../../policy/resources/noSelfAttachment";
import { binding, connector, validateResource } from "../helper";

describe("skupper-no-self-attachment", () => {
    it("passes halves that point at another namespace", async () => {
        assert.deepEqual(await validateResource(noSelfAttachment, connector("shop", "orders")), []);
        assert.deepEqual(await validateResource(noSelfAttachment, binding("west", "orders")), []);
    });

    it("flags a connector whose site is its own namespace", async () => {
        assert.deepEqual(
            await validateResource(noSelfAttachment, connector("west", "orders", { siteNamespace: "west" })),
            [
                "AttachedConnector 'west/orders': spec.siteNamespace 'west' is its own namespace; an attached connector joins two different namespaces.",
            ],
        );
    });

    it("flags a binding whose connector namespace is its own", async () => {
        const [violation] = await validateResource(
            noSelfAttachment,
            binding("shop", "orders", { connectorNamespace: "shop" }),
        );
        assert.match(
            violation,
            /^AttachedConnectorBinding 'shop\/orders': spec.connectorNamespace 'shop' is its own namespace/,
        );
    });
});
