// Comparing objects as the controller does.
import * as assert from "node:assert/strict";
import { canonical, revision, sameSpec, splitKey } from "./objects";

describe("Skupper status emulator: objects", () => {
    it("compares specs as typed structs: a zero-valued field is an absent one, an empty map is not", () => {
        assert.ok(sameSpec({ port: 8080, includeNotReadyPods: false }, { port: 8080 }));
        assert.ok(sameSpec({ selector: "", port: 8080 }, { port: 8080 }));
        assert.ok(sameSpec({ b: 1, a: 2 }, { a: 2, b: 1 }), "the order of fields does not count");
        assert.ok(!sameSpec({ port: 8080, settings: {} }, { port: 8080 }));
        assert.ok(!sameSpec({ port: 8080 }, { port: 9090 }));
        assert.ok(!sameSpec({ settings: { a: "" } }, { settings: {} }), "inside a map an empty value counts");
    });

    it("writes canonical JSON with sorted keys", () => {
        assert.equal(canonical({ b: [2, { d: 1, c: 0 }], a: undefined }), '{"a":null,"b":[2,{"c":0,"d":1}]}');
    });

    it("reads resourceVersions as integers, and splits keys at the first slash", () => {
        assert.ok(revision("10") > revision("9"));
        assert.equal(revision(undefined), 0n);
        assert.equal(revision("not-a-number"), 0n);
        assert.deepEqual(splitKey("west/backend"), { namespace: "west", name: "backend" });
    });
});
