// skupper-listener-service: Skupper creates a Service named after a Listener's spec.host,
// with a port named after the Listener; when the API server refuses either name, Skupper
// only logs it and still reports the Listener Configured. Run through the whole pack, so
// that a pack without the rule fails here too.
import * as assert from "node:assert/strict";
import { policies } from "../../../policy/policies";
import { listener, validatePack } from "../helper";

const ofThisPolicy = (violations: string[]) =>
    violations.filter((v) => v.startsWith("skupper-listener-service: ")).map((v) => v.slice(26));

describe("skupper-listener-service", () => {
    it("is mandatory", () => {
        assert.equal(policies.find((p) => p.name === "skupper-listener-service")?.enforcementLevel, "mandatory");
    });

    it("passes a host and a name Kubernetes accepts for the Service and its port", async () => {
        for (const [name, host] of [
            ["orders", "orders"],
            ["1orders", "orders-v2"],
            ["o".repeat(63), "h".repeat(63)],
        ]) {
            assert.deepEqual(ofThisPolicy(await validatePack(policies, [listener("east", name, { host })])), []);
        }
    });

    for (const [host, what] of [
        ["shop.cart", "a dot"],
        ["1cart", "a first digit"],
        ["c".repeat(64), "64 characters"],
        ["Cart", "a capital"],
    ]) {
        it(`flags a host with ${what}, naming spec.host`, async () => {
            const violations = ofThisPolicy(await validatePack(policies, [listener("east", "orders", { host })]));
            assert.equal(violations.length, 1, violations.join("\n"));
            assert.match(violations[0], /^Listener 'east\/orders': spec\.host .*expected an RFC 1035 label/);
        });
    }

    it("flags a name that cannot name the Service's port, naming metadata.name", async () => {
        for (const name of ["shop.cart", "n".repeat(64)]) {
            const violations = ofThisPolicy(await validatePack(policies, [listener("east", name, { host: "cart" })]));
            assert.equal(violations.length, 1, violations.join("\n"));
            assert.match(violations[0], /^Listener 'east\/[a-z.]+': metadata\.name .*expected a DNS-1123 label/);
        }
    });
});
