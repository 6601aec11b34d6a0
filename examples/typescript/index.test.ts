// A unit test of the program, as Pulumi's unit-testing guide writes them: Pulumi's
// standard mocks stand in for the engine, so nothing is deployed.
import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";

/** The value of an output, once the mocked engine has resolved it. */
const valueOf = <T>(output: pulumi.Output<T>) => new Promise<T>((resolve) => output.apply(resolve));

describe("the program", () => {
    let program: typeof import("./index");

    before(async () => {
        await pulumi.runtime.setMocks({
            newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }),
            call: (args) => args.inputs,
        });
        program = await import("./index");
    });

    it("publishes the backend under its own name", async () => {
        assert.equal(await valueOf(program.objectName), "backend");
        assert.equal(await valueOf(program.routingKey), "backend");
    });
});
