// skupper-access-code-secret, with the props deserialized as the policy server does: a
// validation sees secrets unwrapped, a remediation sees them marked.
import * as assert from "node:assert/strict";
import { ResourceValidationPolicy } from "@pulumi/policy";
import * as pulumi from "@pulumi/pulumi";
import { accessCodeSecret } from "../../../policy/resources/accessCodeSecret";
import { asSentToPolicies, grant, link, remediateResource, secret, token, validateResource } from "../helper";

describe("skupper-access-code-secret", () => {
    it("remediates by default, and has no validation", () => {
        assert.equal(accessCodeSecret.enforcementLevel, "remediate");
        assert.equal(accessCodeSecret.validateResource, undefined);
    });

    it("is a remediation because a validation cannot tell a secret code from a plain one", async () => {
        const seen: ResourceValidationPolicy = {
            name: "seen",
            description: "reports the code it reads",
            enforcementLevel: "advisory",
            validateResource: (args, report) => report(JSON.stringify(args.props.spec.code)),
        };
        assert.deepEqual(await validateResource(seen, token("east", "t", { code: secret("abc") })), ['"abc"']);
        assert.deepEqual(await validateResource(seen, token("east", "t", { code: "abc" })), ['"abc"']);
    });

    it("leaves a token whose code is secret alone", async () => {
        assert.equal(await remediateResource(accessCodeSecret, token("east", "t")), undefined);
    });

    it("makes a plain code secret, keeping the rest as it was sent", async () => {
        const plain = token("east", "t", { code: "abc", ca: secret("pem"), linkCost: 5 }, { team: "east" });
        const fixed = await remediateResource(accessCodeSecret, plain);
        assert.deepEqual(fixed, {
            apiVersion: "skupper.io/v2alpha1",
            kind: "AccessToken",
            metadata: { name: "t", namespace: "east", annotations: { team: "east" } },
            spec: { url: "https://grants.example:8081/t", code: secret("abc"), ca: secret("pem"), linkCost: 5 },
        });
    });

    it("makes the fields named in config secret", async () => {
        const fixed = await remediateResource(accessCodeSecret, token("east", "t", { code: "abc" }), {
            fields: ["code", "ca"],
        });
        assert.deepEqual(fixed?.spec, {
            url: "https://grants.example:8081/t",
            code: secret("abc"),
            ca: secret("-----BEGIN CERTIFICATE-----"),
        });
        assert.equal(
            await remediateResource(accessCodeSecret, token("east", "t", { ca: secret("pem") }), {
                fields: ["code", "ca"],
            }),
            undefined,
        );
    });

    it("leaves a token whose whole spec is secret alone", async () => {
        const whole = token("east", "t");
        const hidden = {
            ...whole,
            props: { ...whole.props, spec: secret({ url: "https://x", code: "abc", ca: "pem" }) },
        };
        assert.equal(await remediateResource(accessCodeSecret, hidden), undefined);
    });

    it("makes a code that is unknown in a preview secret too", async () => {
        const pending = token("east", "t", asSentToPolicies({ code: pulumi.unknown }));
        const fixed = await remediateResource(accessCodeSecret, pending);
        assert.deepEqual(fixed?.spec.code, secret(asSentToPolicies(pulumi.unknown)));
    });

    it("makes a code that a grant sets secret, and leaves a grant without one alone", async () => {
        assert.equal(await remediateResource(accessCodeSecret, grant("west", "g")), undefined);
        const fixed = await remediateResource(
            accessCodeSecret,
            grant("west", "g", { code: "abc", redemptionsAllowed: 1 }),
        );
        assert.deepEqual(fixed?.spec, { code: secret("abc"), redemptionsAllowed: 1 });
    });

    it("ignores links", async () => {
        assert.equal(await remediateResource(accessCodeSecret, link("east", "l", { code: "abc" })), undefined);
    });
});
