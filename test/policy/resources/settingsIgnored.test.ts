import * as assert from "node:assert/strict";
import { settingsIgnored } from "../../../policy/resources/settingsIgnored";
import { binding, connector, validateResource } from "../helper";

describe("skupper-settings-ignored", () => {
    it("is advisory", () => assert.equal(settingsIgnored.enforcementLevel, "advisory"));

    it("passes objects without settings or with empty ones", async () => {
        assert.deepEqual(await validateResource(settingsIgnored, connector("shop", "x")), []);
        assert.deepEqual(await validateResource(settingsIgnored, binding("west", "x", { settings: {} })), []);
    });

    it("flags non-empty settings, naming the keys", async () => {
        assert.deepEqual(
            await validateResource(settingsIgnored, connector("shop", "x", { settings: { a: "1", b: "2" } })),
            [
                "AttachedConnector 'shop/x': spec.settings (a, b) has no effect; Skupper ignores settings on attached connectors.",
            ],
        );
    });
});
