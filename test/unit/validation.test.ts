import * as assert from "node:assert/strict";
import { registered, resetMocks, settle, setUpMocks } from "./mocks";

type Provider = typeof import("../../provider");

const good = {
    connectorNamespace: "shop",
    siteNamespace: "west",
    port: 8080,
    selector: "app=backend",
};

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

    const cases: [string, Record<string, unknown>, RegExp][] = [
        ["an uppercase object name", { objectName: "Orders" }, /^objectName: 'Orders' is not valid; expected a DNS-1123 subdomain/],
        ["an object name of 254 characters", { objectName: "a".repeat(254) }, /^objectName: is 254 characters long/],
        ["an object name with an underscore", { objectName: "my_pair" }, /^objectName: 'my_pair' is not valid/],
        ["an empty object name", { objectName: "" }, /^objectName: must not be empty/],
        ["a routing key with a space", { routingKey: "orders v1" }, /^routingKey: 'orders v1' is not valid; expected a DNS-1123 subdomain/],
        ["a routing key ending in a dot", { routingKey: "orders." }, /^routingKey: 'orders\.' is not valid/],
        ["a namespace with a dot", { connectorNamespace: "shop.eu" }, /^connectorNamespace: 'shop\.eu' is not valid; expected a DNS-1123 label/],
        ["a namespace of 64 characters", { siteNamespace: "w".repeat(64) }, /^siteNamespace: is 64 characters long; expected a DNS-1123 label/],
        ["the same namespace twice", { siteNamespace: "shop" }, /^siteNamespace: 'shop' is also the connectorNamespace; the connector and site namespaces must differ/],
        ["port 0", { port: 0 }, /^port: 0 is not an integer from 1 to 65535/],
        ["port 65536", { port: 65536 }, /^port: 65536 is not an integer from 1 to 65535/],
        ["a fractional port", { port: 80.5 }, /^port: 80\.5 is not an integer from 1 to 65535/],
        ["a port given as a string", { port: "8080" }, /^port: expected an integer from 1 to 65535/],
        ["an empty selector", { selector: "" }, /^selector: must not be empty \(an empty selector would select every pod\)/],
        ["a blank selector", { selector: "   " }, /^selector: must not be empty/],
        ["a selector with a stray comma", { selector: "app=backend," }, /^selector: 'app=backend,' is not valid: it has an empty requirement/],
        ["a selector with a bad key", { selector: "-app=backend" }, /^selector: '-app=backend' is not valid: label key '-app' is not valid/],
        ["a selector with a bad value", { selector: "app=back end" }, /^selector: 'app=back end' is not valid/],
        ["a selector with an empty set", { selector: "app in ()" }, /^selector: 'app in \(\)' is not valid: 'app in \(\)' lists no values/],
        ["type udp", { type: "udp" }, /^type: 'udp' is not supported; expected empty or tcp/],
        ["type TCP in capitals", { type: "TCP" }, /^type: 'TCP' is not supported/],
        ["a zero timeout", { timeoutSeconds: 0 }, /^timeoutSeconds: 0 is not a positive integer number of seconds/],
        ["a fractional timeout", { timeoutSeconds: 1.5 }, /^timeoutSeconds: 1\.5 is not a positive integer/],
        ["a settings value that is a number", { connectorSettings: { a: 1 } }, /^connectorSettings\.a: expected a string value/],
        ["binding settings that are not a map", { bindingSettings: "a=1" }, /^bindingSettings: expected a map of strings to strings/],
        ["a label value with a space", { labels: { team: "shop team" } }, /^labels\.team: label value 'shop team' is not valid/],
        ["the waitFor annotation", { annotations: { "pulumi.com/waitFor": "condition=Ready" } }, /^annotations\.pulumi\.com\/waitFor: 'pulumi\.com\/waitFor' is set by the component/],
        ["a boolean given as a string", { skipAwait: "true" }, /^skipAwait: expected a boolean/],
        ["a TLS secret name in capitals", { tlsCredentials: "TLS" }, /^tlsCredentials: 'TLS' is not valid/],
        ["a misspelt argument", { selecter: "app=x" }, /^selecter: is not an argument of AttachedConnectorPair/],
    ];

    for (const [what, change, expected] of cases) {
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
