import * as assert from "node:assert/strict";
import { selector } from "../../../policy/resources/selector";
import { connector, validateResource } from "../helper";

describe("skupper-selector", () => {
    it("passes a valid selector", async () => {
        assert.deepEqual(
            await validateResource(selector, connector("shop", "orders", { selector: "app=orders,tier in (api)" })),
            [],
        );
    });

    it("flags a missing selector", async () => {
        assert.deepEqual(await validateResource(selector, connector("shop", "orders", { selector: undefined })), [
            "AttachedConnector 'shop/orders': spec.selector is missing; an AttachedConnector must select its workload's pods.",
        ]);
    });

    it("flags an empty selector, which would select every pod", async () => {
        const [violation] = await validateResource(selector, connector("shop", "orders", { selector: "" }));
        assert.match(
            violation,
            /^AttachedConnector 'shop\/orders': spec.selector must not be empty \(an empty selector would select every pod\)/,
        );
    });

    it("flags a malformed selector, quoting it", async () => {
        const [violation] = await validateResource(selector, connector("shop", "orders", { selector: "app=a b" }));
        assert.match(violation, /spec.selector 'app=a b' is not valid/);
    });
});
