// Conditions as Skupper's API types set them.
import * as assert from "node:assert/strict";
import { BINDING_REQUIRES, pendingState, setCondition, setConfigured, siteRequires } from "./conditions";
import { KubeObject } from "./objects";

const object = (generation?: number): KubeObject => ({ metadata: { name: "n", namespace: "ns", generation } });

describe("Skupper status emulator: conditions", () => {
    it("reports a change only when the condition's status, reason, message or generation changes", () => {
        const binding = object(1);
        assert.equal(setCondition(binding, "Configured", pendingState("x"), "t1"), true);
        assert.equal(setCondition(binding, "Configured", pendingState("x"), "t2"), false);
        binding.metadata.generation = 2;
        assert.equal(setCondition(binding, "Configured", pendingState("x"), "t3"), true);
        assert.equal(binding.status.conditions[0].observedGeneration, 2);
        assert.equal(binding.status.conditions[0].lastTransitionTime, "t1", "the status did not flip");
    });

    it("omits observedGeneration when the object has no generation", () => {
        const noGeneration = object();
        setCondition(noGeneration, "Configured", pendingState("x"), "t");
        assert.equal("observedGeneration" in noGeneration.status.conditions[0], false);
    });

    it("derives Ready, status and message from the first required condition that is missing or False", () => {
        const binding = object(1);
        assert.equal(setConfigured(binding, undefined, BINDING_REQUIRES, "t"), true);
        assert.deepEqual([binding.status.status, binding.status.message], ["Pending", "Not Matched"]);
        setConfigured(binding, "broken", BINDING_REQUIRES, "t");
        assert.deepEqual([binding.status.status, binding.status.message], ["Error", "broken"]);
        assert.equal(setConfigured(binding, "broken", BINDING_REQUIRES, "t"), false);
    });

    it("waits for Resolved on a Site only when it asks for link access", () => {
        const site = (linkAccess?: string): KubeObject => ({ ...object(1), spec: { linkAccess } });
        assert.deepEqual(siteRequires(site()), ["Configured", "Running"]);
        assert.deepEqual(siteRequires(site("none")), ["Configured", "Running"]);
        assert.deepEqual(siteRequires(site("default")), ["Configured", "Running", "Resolved"]);
    });
});
