import * as assert from "node:assert/strict";
import { linkCost } from "../../../policy/resources/linkCost";
import { grant, link, token, validateResource } from "../helper";

describe("skupper-link-cost", () => {
    it("is advisory", () => assert.equal(linkCost.enforcementLevel, "advisory"));

    it("passes tokens and links without a cost (Skupper's 1), and costs in range", async () => {
        assert.deepEqual(await validateResource(linkCost, token("east", "t")), []);
        assert.deepEqual(await validateResource(linkCost, link("east", "l")), []);
        assert.deepEqual(await validateResource(linkCost, token("east", "t", { linkCost: 1 })), []);
        assert.deepEqual(await validateResource(linkCost, link("east", "l", { cost: 100 })), []);
    });

    for (const cost of [0, -3, 101, 2.5, "5"]) {
        it(`flags an AccessToken's linkCost and a Link's cost of ${JSON.stringify(cost)}`, async () => {
            assert.deepEqual(await validateResource(linkCost, token("east", "t", { linkCost: cost })), [
                `AccessToken 'east/t': spec.linkCost ${JSON.stringify(cost)} is not allowed; expected an integer from 1 to 100 (minCost to maxCost), or none: the link then costs 1.`,
            ]);
            assert.deepEqual(await validateResource(linkCost, link("east", "l", { cost })), [
                `Link 'east/l': spec.cost ${JSON.stringify(cost)} is not allowed; expected an integer from 1 to 100 (minCost to maxCost), or none: the link then costs 1.`,
            ]);
        });
    }

    it("takes the range from config", async () => {
        const config = { minCost: 10, maxCost: 1000 };
        assert.deepEqual(await validateResource(linkCost, link("east", "l", { cost: 500 }), config), []);
        assert.deepEqual(await validateResource(linkCost, token("east", "t", { linkCost: 5 }), config), [
            "AccessToken 'east/t': spec.linkCost 5 is not allowed; expected an integer from 10 to 1000 (minCost to maxCost), or none: the link then costs 1.",
        ]);
    });

    it("ignores a token's cost field of the wrong name, and grants", async () => {
        assert.deepEqual(await validateResource(linkCost, token("east", "t", { cost: 0 })), []);
        assert.deepEqual(await validateResource(linkCost, grant("west", "g", { linkCost: 0 })), []);
    });
});
