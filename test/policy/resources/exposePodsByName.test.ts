import * as assert from "node:assert/strict";
import { exposePodsByName } from "../../../policy/resources/exposePodsByName";
import { binding, validateResource } from "../helper";

describe("skupper-expose-pods-by-name", () => {
    it("is advisory", () => assert.equal(exposePodsByName.enforcementLevel, "advisory"));

    it("passes a binding without exposePodsByName", async () => {
        assert.deepEqual(
            await validateResource(exposePodsByName, binding("west", "x", { exposePodsByName: false })),
            [],
        );
    });

    it("flags exposePodsByName", async () => {
        const [violation] = await validateResource(exposePodsByName, binding("west", "x", { exposePodsByName: true }));
        assert.match(violation, /^AttachedConnectorBinding 'west\/x': spec.exposePodsByName is true/);
    });
});
