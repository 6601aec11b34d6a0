import * as assert from "node:assert/strict";
import { tokenHttps } from "../../../policy/resources/tokenHttps";
import { grant, link, token, validateResource } from "../helper";

describe("skupper-token-https", () => {
    it("is mandatory", () => assert.equal(tokenHttps.enforcementLevel, "mandatory"));

    it("passes a token for an https:// grant server, in any case", async () => {
        assert.deepEqual(await validateResource(tokenHttps, token("east", "t")), []);
        assert.deepEqual(
            await validateResource(tokenHttps, token("east", "t", { url: "HTTPS://10.0.0.1:9090/x" })),
            [],
        );
    });

    for (const url of ["http://grants.example:8081/t", "grants.example:8081/t", "ftp://grants.example/t", "", 443]) {
        it(`flags the url ${JSON.stringify(url)}`, async () => {
            assert.deepEqual(await validateResource(tokenHttps, token("east", "t", { url })), [
                `AccessToken 'east/t': spec.url ${JSON.stringify(url)} is not an https:// URL; expected the https:// URL in the AccessGrant's status.url.`,
            ]);
        });
    }

    it("flags a token without a url", async () => {
        assert.deepEqual(await validateResource(tokenHttps, token("east", "t", { url: undefined })), [
            "AccessToken 'east/t': spec.url is not set; expected the https:// URL in the AccessGrant's status.url.",
        ]);
    });

    it("ignores grants and links", async () => {
        assert.deepEqual(await validateResource(tokenHttps, grant("west", "g", { url: "http://x" })), []);
        assert.deepEqual(await validateResource(tokenHttps, link("east", "l", { url: "http://x" })), []);
    });
});
