// The component's input validation: every invalid argument set of the fixtures, and the
// checks that span arguments or wait for outputs to resolve.
import * as assert from "node:assert/strict";
import { invalidPairArgs, validPairArgs as good } from "../fixtures/invalidPairArgs";
import { registered, resetMocks, settle, setUpMocks } from "./mocks";

type Provider = typeof import("../../provider/index");

describe("AttachedConnectorPair input validation", () => {
    let m: Provider;

    before(async () => {
        await setUpMocks();
        m = await import("../../provider/index");
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
        assert.ok(error instanceof m.ArgumentsError, `expected an ArgumentsError, got ${String(error)}`);
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

    it("says that each missing required argument is required, and what it expects", () => {
        assert.deepEqual(refuse({}), [
            "connectorNamespace: is required; expected a DNS-1123 label: at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit",
            "siteNamespace: is required; expected a DNS-1123 label: at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit",
            "port: is required; expected an integer from 1 to 65535",
            "selector: is required; expected a non-empty Kubernetes label selector, such as app=backend or app=db,tier in (primary)",
        ]);
    });

    it("suggests the argument a misspelt one is closest to", () => {
        assert.deepEqual(refuse({ ...good, selecter: "app=x" }), [
            "selecter: is not an argument of AttachedConnectorPair; did you mean 'selector'?",
        ]);
        assert.deepEqual(refuse({ ...good, routingkey: "x" }), [
            "routingkey: is not an argument of AttachedConnectorPair; did you mean 'routingKey'?",
        ]);
        assert.deepEqual(refuse({ ...good, conectorProvider: undefined }), [
            "conectorProvider: is not an argument of AttachedConnectorPair; did you mean 'connectorProvider'?",
        ]);
    });

    it("names a misspelt argument at once, even when its value is an output", async () => {
        const pulumi = await import("@pulumi/pulumi");
        assert.deepEqual(refuse({ ...good, selecter: pulumi.output("app=x") }), [
            "selecter: is not an argument of AttachedConnectorPair; did you mean 'selector'?",
        ]);
    });

    it("suggests nothing for an argument that is close to none", () => {
        assert.deepEqual(refuse({ ...good, colour: "blue" }), ["colour: is not an argument of AttachedConnectorPair"]);
    });

    it("accepts timeoutSeconds up to one day, and refuses more, naming the range", () => {
        assert.doesNotThrow(() => new m.AttachedConnectorPair("day", { ...good, timeoutSeconds: 86400 }));
        assert.deepEqual(refuse({ ...good, timeoutSeconds: 86401 }), [
            "timeoutSeconds: 86401 is not an integer from 1 to 86400 (seconds, at most one day)",
        ]);
        assert.deepEqual(refuse({ ...good, timeoutSeconds: 1e21 }), [
            "timeoutSeconds: 1e+21 is not an integer from 1 to 86400 (seconds, at most one day)",
        ]);
    });

    it("refuses useClientCert without tlsCredentials, naming useClientCert", () => {
        assert.deepEqual(refuse({ ...good, useClientCert: true }), [
            "useClientCert: is true but tlsCredentials is not set; expected tlsCredentials naming the Secret whose client certificate is sent, or useClientCert false",
        ]);
        assert.doesNotThrow(
            () => new m.AttachedConnectorPair("mtls", { ...good, useClientCert: true, tlsCredentials: "backend-tls" }),
        );
        assert.doesNotThrow(() => new m.AttachedConnectorPair("plain", { ...good, useClientCert: false }));
    });

    it("checks useClientCert against tlsCredentials once an output resolves, creating nothing", async () => {
        const pulumi = await import("@pulumi/pulumi");
        const pair = new m.AttachedConnectorPair("late-mtls", { ...good, useClientCert: pulumi.output(true) });
        await assert.rejects(settle(pair.objectName), /- useClientCert: is true but tlsCredentials is not set/);
        assert.deepEqual(
            registered.filter((r) => r.custom),
            [],
        );
    });

    it("reports every problem at once", () => {
        const problems = refuse({ ...good, port: 0, selector: "", routingKey: "A B", type: "http" });
        assert.deepEqual(problems.map((p) => p.split(":")[0]).sort(), ["port", "routingKey", "selector", "type"]);
    });

    it("says when the object name was defaulted from the resource name", () => {
        const [problem] = refuse(good, "Backend_Pair");
        assert.match(
            problem,
            /^objectName: 'Backend_Pair' is not valid.*\(objectName defaults to the resource name 'Backend_Pair'; set objectName\)$/,
        );
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
        const pair = new m.AttachedConnectorPair("late", {
            ...good,
            port: pulumi.output(70000),
            selector: Promise.resolve(""),
        });
        await assert.rejects(settle(pair.objectName), (e: Error) => {
            assert.match(
                e.message,
                /AttachedConnectorPair 'late' has invalid arguments:\n {2}- port: 70000 is not an integer from 1 to 65535\n {2}- selector: must not be empty/,
            );
            return true;
        });
        assert.deepEqual(
            registered.filter((r) => r.custom),
            [],
        );
    });

    it("accepts every valid form of selector", () => {
        for (const selector of [
            "app=backend",
            "app==backend",
            "app!=frontend",
            "app",
            "!legacy",
            "app in (a,b)",
            "tier notin (cache)",
            "app.kubernetes.io/name=orders,tier=db",
            "example.com/team=shop",
            "app=",
            "tier>1",
            "tier<5",
        ]) {
            assert.doesNotThrow(
                () => new m.AttachedConnectorPair(`s${registered.length}`, { ...good, selector }),
                selector,
            );
        }
    });
});
