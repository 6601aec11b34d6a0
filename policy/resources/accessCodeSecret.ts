// skupper-access-code-secret: the code of an AccessToken (or one an AccessGrant sets)
// lets its holder link a site to the grant's site; in a stack's state and in its diffs
// it should be a Pulumi secret. Only a remediation can tell whether it is (lib/secrets.ts),
// so the policy is one.
import { copyAsSent, isSentSecret, Secret, sentValue } from "../lib/secrets";
import { attachedPolicy } from "../lib/policy";

export interface AccessCodeSecretConfig {
    /** The spec fields to keep secret. */
    fields?: string[];
}

export const accessCodeSecret = attachedPolicy<AccessCodeSecretConfig, "AccessToken" | "AccessGrant">({
    name: "skupper-access-code-secret",
    description:
        "Makes an AccessToken's spec.code (and the other spec fields named in fields), and an AccessGrant's spec.code when set, a Pulumi secret where the program left it plain, so that the code that links a site is encrypted in the stack's state and hidden in diffs; the remediation is shown on every run until the program marks it secret itself. A remediation only, as no check could fail: the engine sends secret inputs to the pack marked as secrets, but @pulumi/policy 1.21 unwraps them before any validation, which reads a secret and a plain code alike; only a remediation's props keep the mark. At advisory or mandatory it checks nothing (Pulumi reports it not applicable).",
    enforcementLevel: "remediate",
    configSchema: {
        properties: {
            fields: {
                type: "array",
                items: { type: "string", enum: ["code", "ca", "url"] },
                default: ["code"],
                description:
                    "The AccessToken spec fields to make secret: the code is the credential; the ca (the grant server's public certificate) and the url may be hidden as well.",
            },
        },
    },
    kinds: ["AccessToken", "AccessGrant"],
    remediate: (_object, props, config) => {
        if (isSentSecret(props, "spec")) return undefined;
        const spec: object = props.spec ?? {};
        const plain = (config.fields ?? ["code"]).filter((field) => {
            const value = sentValue(spec, field);
            return value !== undefined && value !== null && !(value instanceof Secret);
        });
        if (plain.length === 0) return undefined;
        const marked = copyAsSent(spec);
        for (const field of plain) marked[field] = new Secret(marked[field]);
        return { ...copyAsSent(props), spec: marked };
    },
});
