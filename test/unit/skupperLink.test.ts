// SkupperGrant and SkupperLink under Pulumi's standard mocks: the grant with bounded
// defaults, its code and CA as secrets, the token that carries them, the wait for the
// redemption and for the Link, and a refused token's reason.
import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { mockedStatus, ofType, readsOf, resetMocks, setUpMocks, settle, valueOf } from "./mocks";

const GRANT = "kubernetes:skupper.io/v2alpha1:AccessGrant";
const TOKEN = "kubernetes:skupper.io/v2alpha1:AccessToken";
const LINK = "kubernetes:skupper.io/v2alpha1:Link";
const LINK_PATCH = "kubernetes:skupper.io/v2alpha1:LinkPatch";
const CODE = "pV3xk9TqL2mZr8sW";

const served = {
    status: "Ready",
    url: "https://grants.example.test:9090/5d6c",
    code: CODE,
    ca: "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
    redemptions: 0,
    expirationTime: "2026-12-05T10:15:00Z",
    conditions: [{ type: "Ready", status: "True", reason: "Ready", message: "OK", observedGeneration: 1 }],
};
const redeemed = {
    status: "Ready",
    redeemed: true,
    conditions: [{ type: "Redeemed", status: "True", reason: "Ready", message: "OK", observedGeneration: 1 }],
};

describe("SkupperGrant and SkupperLink", () => {
    let m: typeof import("../../provider/index");

    before(async () => {
        await setUpMocks();
        m = await import("../../provider/index");
    });
    beforeEach(resetMocks);

    it("creates a grant of one redemption within 15m, awaited until served; its code and CA are secrets, its url is not", async () => {
        mockedStatus[GRANT] = served;
        const grant = new m.SkupperGrant("to-east", { namespace: "west" });
        assert.equal(await valueOf(grant.ready), true);
        const [created] = ofType(GRANT);
        assert.deepEqual(created.inputs.spec, { redemptionsAllowed: 1, expirationWindow: "15m" });
        assert.equal(created.inputs.metadata.annotations["pulumi.com/waitFor"], "condition=Ready");
        assert.deepEqual(
            await Promise.all([pulumi.isSecret(grant.code), pulumi.isSecret(grant.ca), pulumi.isSecret(grant.url)]),
            [true, true, false],
        );
        assert.deepEqual([await valueOf(grant.code), await valueOf(grant.url)], [CODE, served.url]);
        assert.equal(await valueOf(grant.expirationTime), served.expirationTime);
        assert.equal(readsOf(GRANT).length, 1, "the status is read back after the wait");
    });

    it("creates the token with the grant's url, code and CA, the code and CA secret, and awaits the Link configured", async () => {
        mockedStatus[TOKEN] = redeemed;
        mockedStatus[LINK] = {
            status: "Pending",
            conditions: [{ type: "Configured", status: "True", reason: "Ready", message: "OK", observedGeneration: 1 }],
        };
        const link = new m.SkupperLink("to-west", {
            namespace: "east",
            url: served.url,
            code: CODE,
            ca: served.ca,
            cost: 5,
        });
        assert.deepEqual(await Promise.all([valueOf(link.redeemed), valueOf(link.configured)]), [true, true]);
        assert.equal(await valueOf(link.ready), false, "Ready needs the link operational too");
        const [token] = ofType(TOKEN);
        // The spec holds secrets, so the engine gets it whole as a secret.
        assert.equal(token.inputs.spec[pulumi.runtime.specialSigKey], pulumi.runtime.specialSecretSig);
        assert.deepEqual(token.inputs.spec.value, { url: served.url, code: CODE, ca: served.ca, linkCost: 5 });
        assert.equal(token.inputs.metadata.annotations["pulumi.com/waitFor"], "jsonpath={.status.status}");
        const [patch] = ofType(LINK_PATCH);
        assert.deepEqual([patch.inputs.metadata.name, patch.inputs.metadata.namespace], ["to-west", "east"]);
        assert.equal(patch.inputs.metadata.annotations["pulumi.com/waitFor"], "condition=Configured");
        assert.deepEqual(
            patch.inputs.spec,
            { cost: 5 },
            "the patch sets the cost of Skupper's Link, and no other field",
        );
        assert.equal(patch.inputs.metadata.annotations["pulumi.com/patchForce"], "true");
        assert.equal(readsOf(LINK).length, 1);
    });

    it("awaits the Link ready (operational) with awaitOperational", async () => {
        mockedStatus[TOKEN] = redeemed;
        const link = new m.SkupperLink("l", {
            namespace: "east",
            url: served.url,
            code: CODE,
            ca: "x",
            awaitOperational: true,
        });
        await valueOf(link.configured);
        const [patch] = ofType(LINK_PATCH);
        assert.equal(patch.inputs.metadata.annotations["pulumi.com/waitFor"], "condition=Ready");
        assert.deepEqual(
            [patch.inputs.spec, patch.inputs.metadata.annotations["pulumi.com/patchForce"]],
            [undefined, undefined],
        );
    });

    /** A link whose token Skupper refused with `message`; its `configured` output, settled. */
    const refusedLink = (message: string) => {
        mockedStatus[TOKEN] = { status: "Error", redeemed: false, message };
        const link = new m.SkupperLink("to-west", { namespace: "east", url: served.url, code: CODE, ca: "x" });
        return settle(link.configured);
    };

    it("fails with Skupper's reason when the token is refused, and awaits no Link", async () => {
        await assert.rejects(
            refusedLink("Controller got failed response: 404 (Not Found) No such access granted"),
            /SkupperLink 'to-west': Skupper did not redeem the token: Controller got failed response: 404 \(Not Found\) No such access granted; expected a grant that is ready/,
        );
        assert.deepEqual(ofType(LINK_PATCH), []);
    });

    it("names the Link and Secret an earlier redemption left, and what to do, when Skupper finds them", async () => {
        await assert.rejects(
            refusedLink('Controller could not create received secret: secrets "to-west" already exists'),
            /already exists; expected no Link or Secret 'to-west' in namespace 'east', .*delete both, then replace the grant/,
        );
    });

    const problemsOf = (make: () => unknown): string[] => {
        try {
            make();
        } catch (e) {
            return (e as Error).message.split("\n").slice(1);
        }
        return [];
    };

    it("refuses bad input before creating anything, naming each field and never quoting the code", () => {
        const grant = problemsOf(
            () => new m.SkupperGrant("g", { namespace: "west", redemptionsAllowed: 0, expirationWindow: "15 minutes" }),
        );
        assert.equal(grant.length, 2, grant.join("\n"));
        assert.match(grant.join("\n"), /redemptionsAllowed: 0 is not an integer from 1/);
        assert.match(grant.join("\n"), /expirationWindow: '15 minutes' is not a positive Go duration/);
        const link = problemsOf(
            () => new m.SkupperLink("l", { namespace: "east", url: "http://grants/5d6c", code: "", ca: CODE, cost: 0 }),
        );
        assert.equal(link.length, 3, link.join("\n"));
        assert.match(link.join("\n"), /url: 'http:\/\/grants\/5d6c' is not the https:\/\/ URL of a grant/);
        assert.match(link.join("\n"), /code: must not be empty/);
        assert.match(link.join("\n"), /cost: 0 is not an integer from 1/);
        assert.ok(!link.join("\n").includes(CODE));
        assert.deepEqual([ofType(GRANT), ofType(TOKEN)], [[], []]);
    });
});
