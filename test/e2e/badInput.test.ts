import * as assert from "node:assert/strict";
import { AttachedConnectorPair } from "../../provider/index";
import { invalidPairArgs, validPairArgs } from "../fixtures/invalidPairArgs";
import { newStack } from "./harness";

describe("bad input under the real engine", function () {
    this.timeout(120000);

    for (const [what, change, expected] of invalidPairArgs) {
        it(`stops ${what} at preview, naming the field, and creates nothing on up`, async () => {
            const stack = await newStack(async () => {
                new AttachedConnectorPair("bad", { ...validPairArgs, ...change } as any);
            }, "bad-input");
            const problem = new RegExp(
                expected.source.replace(/^\^/, "- "),
                expected.flags.includes("m") ? expected.flags : `${expected.flags}m`,
            );
            await assert.rejects(stack.preview(), (e: Error) => {
                assert.match(e.message, /AttachedConnectorPair 'bad' has invalid arguments:/);
                assert.match(e.message, problem);
                return true;
            });
            await assert.rejects(stack.up(), (e: Error) => problem.test(e.message));
            const state = await stack.exportStack();
            const resources: { type: string }[] = state.deployment.resources ?? [];
            assert.deepEqual(
                resources.filter((r) => r.type.startsWith("kubernetes:skupper.io")),
                [],
            );
            assert.deepEqual(
                resources.filter((r) => r.type === "skupper:index:AttachedConnectorPair"),
                [],
            );
        });
    }
});
