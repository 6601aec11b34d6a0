// skupper-unconfigured-policies: the once-per-run notice that grants or prefixes are missing.
import * as assert from "node:assert/strict";
import { namespaceGrants } from "../../../policy/resources/namespaceGrants";
import { routingKeyOwnership } from "../../../policy/stack/routingKeyOwnership";
import { unconfiguredPolicies } from "../../../policy/stack/unconfiguredPolicies";
import { binding, connector, listener, newRun, pair, validateResource, validateStack } from "../helper";

const grantsNotice = /^skupper-namespace-grants has no grants configured, so it checked nothing/;
const prefixesNotice = /^skupper-routing-key-ownership has no prefixes or consumers configured, so it checked nothing/;

describe("skupper-unconfigured-policies", () => {
    beforeEach(newRun);

    /** One run of the pack: the grants policy on each object, then the two stack policies. */
    async function runPack(
        resources: ReturnType<typeof pair>,
        config: { grants?: object; prefixes?: object; consumers?: object } = {},
    ) {
        for (const r of resources)
            assert.deepEqual(await validateResource(namespaceGrants, r, { grants: config.grants }), []);
        const ownership = { prefixes: config.prefixes, consumers: config.consumers };
        assert.deepEqual(await validateStack(routingKeyOwnership, resources, ownership), []);
        return validateStack(unconfiguredPolicies, resources);
    }

    it("is advisory", () => assert.equal(unconfiguredPolicies.enforcementLevel, "advisory"));

    it("says once per run, for the whole stack, that grants and prefixes are not configured", async () => {
        const notices = await runPack([...pair("a"), ...pair("b"), connector("shop", "c")]);
        assert.equal(notices.length, 2, JSON.stringify(notices));
        assert.match(notices[0].message, grantsNotice);
        assert.match(notices[1].message, prefixesNotice);
        assert.deepEqual(
            notices.map((n) => n.urn),
            [undefined, undefined],
        );
    });

    it("names only the policy that lacks its configuration", async () => {
        const onlyPrefixes = await runPack(pair("a"), { grants: { west: ["shop"] } });
        assert.deepEqual(
            onlyPrefixes.map((n) => n.message.split(" ")[0]),
            ["skupper-routing-key-ownership"],
        );
        newRun();
        const onlyGrants = await runPack(pair("a"), { prefixes: { shop: ["a"] } });
        assert.deepEqual(
            onlyGrants.map((n) => n.message.split(" ")[0]),
            ["skupper-namespace-grants"],
        );
    });

    it("counts consumers alone as routing-key ownership's configuration", async () => {
        assert.deepEqual(await runPack(pair("a"), { grants: { west: ["shop"] }, consumers: { a: ["*"] } }), []);
    });

    it("names routing-key ownership for a stack with Listeners only", async () => {
        const notices = await runPack([listener("east", "a")]);
        assert.deepEqual(
            notices.map((n) => n.message.split(" ")[0]),
            ["skupper-routing-key-ownership"],
        );
    });

    it("says nothing when both are configured", async () => {
        assert.deepEqual(await runPack(pair("a"), { grants: { west: ["shop"] }, prefixes: { shop: ["a"] } }), []);
    });

    it("says nothing when the stack has no attached connectors to check", async () => {
        assert.deepEqual(await runPack([]), []);
    });

    it("starts afresh with the next run", async () => {
        assert.equal((await runPack([binding("west", "a")])).length, 2);
        assert.deepEqual(await validateStack(unconfiguredPolicies, []), []);
    });
});
