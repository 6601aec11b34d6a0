// Label selectors as the API server matches them.
import * as assert from "node:assert/strict";
import { labelTest } from "./labels";

describe("Skupper status emulator: label selectors", () => {
    it("matches set-based selectors the way the API server's label selector does", () => {
        const test = labelTest("tier in (api, web),app!=db,!canary,env notin (prod)");
        assert.equal(test({ tier: "api", app: "shop" }), true);
        assert.equal(test({ tier: "api", app: "db" }), false);
        assert.equal(test({ tier: "api", canary: "yes" }), false);
        assert.equal(test({ tier: "batch" }), false);
    });

    it("compares numbers with > and <, and matches everything with an empty selector", () => {
        assert.equal(labelTest("version>2")({ version: "10" }), true);
        assert.equal(labelTest("version<2")({ version: "x" }), false);
        assert.equal(labelTest("")({ any: "thing" }), true);
    });

    it("matches nothing with a selector that does not parse", () => {
        assert.equal(labelTest("app in (")({ app: "backend" }), false);
    });
});
