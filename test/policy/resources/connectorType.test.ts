import * as assert from "node:assert/strict";
import { connectorType } from "../../../policy/resources/connectorType";
import { connector, validateResource } from "../helper";

describe("skupper-connector-type", () => {
    for (const type of [undefined, "", "tcp"]) {
        it(`passes type ${JSON.stringify(type)}`, async () => {
            assert.deepEqual(await validateResource(connectorType, connector("shop", "orders", { type })), []);
        });
    }

    it("flags any other type, quoting it", async () => {
        assert.deepEqual(await validateResource(connectorType, connector("shop", "orders", { type: "http" })), [
            "AttachedConnector 'shop/orders': spec.type 'http' is not supported; expected empty or tcp (the only type Skupper implements).",
        ]);
    });
});
