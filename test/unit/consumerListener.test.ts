// ConsumerListener under Pulumi's standard mocks: the Listener for a routing key in the
// consuming site's namespace, its wait, and its live status.
import * as assert from "node:assert/strict";
import { BINDING, mockedStatus, ofType, readsOf, resetMocks, settle, setUpMocks, valueOf } from "./mocks";

const LISTENER = "kubernetes:skupper.io/v2alpha1:Listener";

describe("ConsumerListener", () => {
    let m: typeof import("../../provider/index");

    before(async () => {
        await setUpMocks();
        m = await import("../../provider/index");
    });
    beforeEach(resetMocks);

    const args = { namespace: "east", routingKey: "backend", port: 8080 };

    it("creates a Listener for the routing key, its Service named after it, waiting for Configured", async () => {
        await valueOf(new m.ConsumerListener("backend", args).ready);
        const [listener] = ofType(LISTENER);
        assert.deepEqual([listener.inputs.metadata.name, listener.inputs.metadata.namespace], ["backend", "east"]);
        assert.deepEqual(listener.inputs.spec, { routingKey: "backend", host: "backend", port: 8080 });
        assert.equal(listener.inputs.metadata.annotations["pulumi.com/waitFor"], "condition=Configured");
    });

    it("waits for a matching connector with awaitConnector, and takes its own host", async () => {
        await valueOf(new m.ConsumerListener("l", { ...args, host: "orders", awaitConnector: true }).ready);
        const [listener] = ofType(LISTENER);
        assert.equal(listener.inputs.spec.host, "orders");
        assert.equal(listener.inputs.metadata.annotations["pulumi.com/waitFor"], "condition=Ready");
    });

    it("reports hasMatchingConnector, and the binding's hasMatchingListener when the binding is named", async () => {
        mockedStatus[LISTENER] = { status: "Ready", hasMatchingConnector: true, conditions: [] };
        mockedStatus[BINDING] = { status: "Ready", hasMatchingListener: true, conditions: [] };
        const site = new m.SiteHalf("backend", { siteNamespace: "west", connectorNamespace: "shop" });
        const listener = new m.ConsumerListener("backend", {
            ...args,
            binding: { namespace: "west", name: "backend" },
        });
        assert.equal(await valueOf(listener.hasMatchingConnector), true);
        assert.equal(await valueOf(listener.bindingHasMatchingListener), true);
        await valueOf(site.ready);
        assert.equal(readsOf(BINDING).length, 2, "the site half's read, and the listener's of the same binding");
    });

    it("reads an object by id alone through a typed resource's get, sending nothing else", async () => {
        await valueOf(new m.SiteHalf("backend", { siteNamespace: "west", connectorNamespace: "shop" }).ready);
        const read = m.AttachedConnectorBinding.get("by-id", "west/backend");
        await valueOf(read.status);
        const [byId] = readsOf(BINDING).filter((r) => r.name === "by-id");
        assert.deepEqual(byId.inputs, {});
    });

    it("reports false for the binding when none is named, and reads none", async () => {
        const listener = new m.ConsumerListener("backend", args);
        assert.equal(await valueOf(listener.bindingHasMatchingListener), false);
        assert.equal(readsOf(BINDING).length, 0);
    });

    // Skupper names a Service after the host and the Service's port after the Listener;
    // when the API server refuses either, Skupper only logs it and still says Configured.
    const long = (n: number) => "c".repeat(n);
    const problemsOf = (build: () => unknown): string[] => {
        try {
            build();
        } catch (e) {
            return (e as Error).message.split("\n").slice(1);
        }
        return [];
    };

    for (const [host, what] of [
        ["1cart", "starts with a digit"],
        ["orders.v1", "has a dot"],
        [long(64), "is 64 characters long"],
    ]) {
        it(`refuses a host that cannot name a Service (${what}), naming host`, () => {
            const [problem, ...rest] = problemsOf(() => new m.ConsumerListener("backend", { ...args, host }));
            assert.deepEqual(rest, []);
            assert.match(problem ?? "", /^ {2}- host: .*; expected an RFC 1035 label/);
        });
    }

    for (const [name, what] of [
        ["shop.cart", "has a dot"],
        [long(70), "is 70 characters long"],
        ["1cart", "starts with a digit"],
    ]) {
        it(`refuses an object name that cannot name the Service it defaults the host to (${what}), naming objectName`, () => {
            const defaulted = problemsOf(() => new m.ConsumerListener(name, args));
            assert.equal(defaulted.length, 1, defaulted.join("\n"));
            assert.match(defaulted[0], /^ {2}- objectName: .*\(objectName defaults to the resource name/);
            const given = problemsOf(() => new m.ConsumerListener("l", { ...args, objectName: name }));
            assert.equal(given.length, 1, given.join("\n"));
            assert.match(given[0], /^ {2}- objectName: .*expected an RFC 1035 label/);
            assert.equal(ofType(LISTENER).length, 0, "nothing is created");
        });
    }

    it("refuses an object name that cannot name the Service's port, even with a host of its own", () => {
        const problems = problemsOf(
            () => new m.ConsumerListener("l", { ...args, host: "cart", objectName: "shop.cart" }),
        );
        assert.equal(problems.length, 1, problems.join("\n"));
        assert.match(problems[0], /^ {2}- objectName: 'shop.cart' is not valid; expected a DNS-1123 label/);
    });

    it("checks an object name that arrives as an output once it resolves, as the host when none is set", async () => {
        const pulumi = await import("@pulumi/pulumi");
        const listener = new m.ConsumerListener("l", { ...args, objectName: pulumi.output("1cart") });
        await assert.rejects(
            settle(listener.objectName),
            /- objectName: '1cart' is not valid; expected an RFC 1035 label/,
        );
        assert.equal(ofType(LISTENER).length, 0, "nothing is created");
    });

    it("takes every host and object name Kubernetes accepts for the Service and its port", async () => {
        const fine = [
            { host: "a", objectName: "a" },
            { host: long(63), objectName: long(63) },
            { host: "cart-v2", objectName: "1cart" },
        ];
        for (const [i, names] of fine.entries()) {
            await valueOf(new m.ConsumerListener(`ok-${i}`, { ...args, ...names }).ready);
        }
        await valueOf(new m.ConsumerListener("cart-2", args).ready);
        assert.deepEqual(
            ofType(LISTENER).map((l) => [l.inputs.metadata.name, l.inputs.spec.host]),
            [...fine.map((f) => [f.objectName, f.host]), ["cart-2", "cart-2"]],
        );
    });
});
