import { z } from "zod";
import { managedAnnotations } from "../awaitAnnotations";
import * as rules from "./rules";

type Rule<T> = (value: T) => rules.RuleResult;

function ruled<T>(schema: z.ZodType<T>, rule: Rule<T>): z.ZodType<T> {
    return schema.superRefine((value, ctx) => {
        const problem = rule(value);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
    });
}

const text = (rule: Rule<string>) => ruled(z.string({ error: "expected a string" }), rule);
const flag = z.boolean({ error: "expected a boolean (true or false)" }).optional();
const stringMap = z.record(z.string(), z.string({ error: "expected a string value" }), {
    error: `expected ${rules.ruleDescriptions.settings}`,
});

const labels = stringMap.superRefine((map, ctx) => {
    for (const [key, value] of Object.entries(map)) {
        const problem = rules.checkLabelKey(key) ?? rules.checkLabelValue(value);
        if (problem) ctx.addIssue({ code: "custom", message: problem, path: [key] });
    }
});

const annotations = stringMap.superRefine((map, ctx) => {
    for (const key of Object.keys(map)) {
        const problem = managedAnnotations.includes(key)
            ? `'${key}' is set by the component; use skipAwait, awaitListener or timeoutSeconds instead`
            : rules.checkLabelKey(key)?.replace("label key", "annotation key");
        if (problem) ctx.addIssue({ code: "custom", message: problem, path: [key] });
    }
});

/** The plain (resolved) inputs of AttachedConnectorPair, with their rules. */
export const pairArgsSchema = z.strictObject({
    connectorNamespace: text(rules.checkNamespace),
    siteNamespace: text(rules.checkNamespace),
    port: ruled(z.number({ error: `expected ${rules.ruleDescriptions.port}` }), rules.checkPort),
    selector: text(rules.checkSelector),
    routingKey: text(rules.checkRoutingKey).optional(),
    objectName: text(rules.checkObjectName).optional(),
    tlsCredentials: text(rules.checkObjectName).optional(),
    useClientCert: flag,
    includeNotReadyPods: flag,
    type: text((v) => rules.checkType(v)).optional(),
    exposePodsByName: flag,
    connectorSettings: stringMap.optional(),
    bindingSettings: stringMap.optional(),
    labels: labels.optional(),
    annotations: annotations.optional(),
    awaitListener: flag,
    skipAwait: flag,
    timeoutSeconds: ruled(z.number({ error: `expected ${rules.ruleDescriptions.timeoutSeconds}` }), rules.checkTimeoutSeconds).optional(),
});

export type ResolvedPairArgs = z.infer<typeof pairArgsSchema>;
type FieldName = keyof ResolvedPairArgs;

/**
 * Checks the arguments and returns one line per problem, `field: what is wrong`.
 * `pending` names the fields whose values are not known yet (outputs of other
 * resources): they are left out, to be checked once they resolve.
 */
export function checkPairArgs(args: Record<string, unknown>, pending: readonly string[] = []): string[] {
    const schema = pending.length === 0
        ? pairArgsSchema
        : pairArgsSchema.omit(Object.fromEntries(pending.map((f) => [f, true])) as Record<FieldName, true>);
    const subset = pending.length === 0 ? args : Object.fromEntries(Object.entries(args).filter(([k]) => !pending.includes(k)));

    const problems: string[] = [];
    const result = schema.safeParse(subset);
    if (!result.success) {
        for (const issue of result.error.issues) {
            if (issue.code === "unrecognized_keys") {
                problems.push(...issue.keys.map((k) => `${k}: is not an argument of AttachedConnectorPair`));
            } else {
                problems.push(`${issue.path.map(String).join(".") || "(arguments)"}: ${issue.message}`);
            }
        }
    }
    const { connectorNamespace, siteNamespace } = args;
    if (typeof connectorNamespace === "string" && connectorNamespace === siteNamespace) {
        problems.push(`siteNamespace: '${siteNamespace}' is also the connectorNamespace; ${rules.ruleDescriptions.distinctNamespaces}`);
    }
    return problems;
}
