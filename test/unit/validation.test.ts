import * as assert from "node:assert/strict";
import { invalidPairArgs, validPairArgs as good } from "../fixtures/invalidPairArgs";
import { registered, resetMocks, settle, setUpMocks } from "./mocks";

type Provider = typeof import("../../provider");

describe("AttachedConnectorPair input validation", () => {
    let m: Provider;

    before(async () => {
        await setUpMocks();
        m = await import("../../provider");
    });
    beforeEach(resetMocks);

    /** Constructs a pair that must be refused; returns its problems, one per line. */
    function refuse(args: Record<string, unknown>, name = "backend"): string[] {
        let error: unknown;
        try {
            new m.AttachedConnectorPair(name, args as any);
        } catch (e) {
            error = e;
        }
        assert.ok(error instanceof m.PairArgumentsError, `expected a PairArgumentsError, got ${String(error)}`);
        assert.ok(error.message.startsWith(`AttachedConnectorPair '${name}' has invalid arguments:`), error.message);
        return error.problems;
    }


    for (const [what, change, expected] of invalidPairArgs) {
        it(`refuses ${what}, naming the field`, () => {
            const problems = refuse({ ...good, ...change });
            assert.equal(problems.length, 1, problems.join("\n"));
            assert.match(problems[0], expected);
        });
    }

    it("refuses missing required arguments, each by name", () => {
        const problems = refuse({});
        for (const field of ["connectorNamespace", "siteNamespace", "port", "selector"]) {
            assert.ok(problems.some((p) => p.startsWith(`${field}: expected`)), `${field} in ${problems.join("; ")}`);
        }
    });

    it("reports every problem at once", () => {
        const problems = refuse({ ...good, port: 0, selector: "", routingKey: "A B", type: "http" });
        assert.deepEqual(problems.map((p) => p.split(":")[0]).sort(), ["port", "routingKey", "selector", "type"]);
    });

    it("says when the object name was defaulted from the resource name", () => {
        const [problem] = refuse(good, "Backend_Pair");
        assert.match(problem, /^objectName: 'Backend_Pair' is not valid.*\(objectName defaults to the resource name 'Backend_Pair'; set objectName\)$/);
    });

    it("refuses a provider that is not a kubernetes Provider resource, naming the field", () => {
        assert.deepEqual(refuse({ ...good, connectorProvider: "provider-id", bindingProvider: {} }), [
            "connectorProvider: expected a kubernetes Provider resource, got string",
            "bindingProvider: expected a kubernetes Provider resource, got object",
        ]);
    });

    it("registers nothing, not even the component, when the input is refused", async () => {
        refuse({ ...good, port: 70000 });
        await new Promise((resolve) => setTimeout(resolve, 100));
        assert.deepEqual(registered, []);
    });

    it("checks values that arrive as outputs once they resolve, and creates no object", async () => {
        const pulumi = await import("@pulumi/pulumi");
        const pair = new m.AttachedConnectorPair("late", { ...good, port: pulumi.output(70000), selector: Promise.resolve("") });
        await assert.rejects(settle(pair.objectName), (e: Error) => {
            assert.match(e.message, /AttachedConnectorPair 'late' has invalid arguments:\n {2}- port: 70000 is not an integer from 1 to 65535\n {2}- selector: must not be empty/);
            return true;
        });
        assert.deepEqual(registered.filter((r) => r.custom), []);
    });

    it("accepts every valid form of selector", () => {
        for (const selector of ["app=backend", "app==backend", "app!=frontend", "app", "!legacy", "app in (a,b)",
            "tier notin (cache)", "app.kubernetes.io/name=orders,tier=db", "example.com/team=shop", "app="]) {
            assert.doesNotThrow(() => new m.AttachedConnectorPair(`s${registered.length}`, { ...good, selector }), selector);
        }
    });
});
