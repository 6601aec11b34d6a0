// The arguments of AttachedConnectorPair and their checks: a zod schema for the types,
// with the rules of rules.ts on each value, and the checks that span two arguments.
// Every problem becomes one line, `field: what is wrong; expected ...`.
import { z } from "zod";
import { managedAnnotations } from "../providerAnnotations";
import * as rules from "./rules";
import { closestName } from "./suggest";

type Rule<T> = (value: T) => rules.RuleResult;

function ruled<T>(schema: z.ZodType<T>, rule: Rule<T>): z.ZodType<T> {
    return schema.superRefine((value, ctx) => {
        const problem = rule(value);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
    });
}

/** A missing value is required (optional fields never get here); a mistyped one is not what is expected. */
const missingOr = (expected: string, mistyped: string) => ({
    error: (issue: { input?: unknown }) => (issue.input === undefined ? `is required; expected ${expected}` : mistyped),
});

const text = (rule: Rule<string>, expected: string) => ruled(z.string(missingOr(expected, "expected a string")), rule);
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
    connectorNamespace: text(rules.checkNamespace, rules.ruleDescriptions.namespace),
    siteNamespace: text(rules.checkNamespace, rules.ruleDescriptions.namespace),
    port: ruled(
        z.number(missingOr(rules.ruleDescriptions.port, `expected ${rules.ruleDescriptions.port}`)),
        rules.checkPort,
    ),
    selector: text(rules.checkSelector, rules.ruleDescriptions.selector),
    routingKey: text(rules.checkRoutingKey, rules.ruleDescriptions.routingKey).optional(),
    objectName: text(rules.checkObjectName, rules.ruleDescriptions.objectName).optional(),
    tlsCredentials: text(rules.checkObjectName, rules.ruleDescriptions.objectName).optional(),
    useClientCert: flag,
    includeNotReadyPods: flag,
    type: text((v) => rules.checkType(v), rules.ruleDescriptions.type).optional(),
    exposePodsByName: flag,
    connectorSettings: stringMap.optional(),
    bindingSettings: stringMap.optional(),
    labels: labels.optional(),
    annotations: annotations.optional(),
    awaitListener: flag,
    skipAwait: flag,
    timeoutSeconds: ruled(
        z.number({ error: `expected ${rules.ruleDescriptions.timeoutSeconds}` }),
        rules.checkTimeoutSeconds,
    ).optional(),
});

export type ResolvedPairArgs = z.infer<typeof pairArgsSchema>;
type FieldName = keyof ResolvedPairArgs;

/** Every argument name, the providers included (they are checked by the component). */
const argumentNames: readonly string[] = [...Object.keys(pairArgsSchema.shape), "connectorProvider", "bindingProvider"];

function notAnArgument(key: string): string {
    const meant = closestName(key, argumentNames);
    return `${key}: is not an argument of AttachedConnectorPair${meant ? `; did you mean '${meant}'?` : ""}`;
}

/**
 * Checks the arguments and returns one line per problem, `field: what is wrong`.
 * `pending` names the fields whose values are not known yet (outputs of other
 * resources): they are left out, to be checked once they resolve.
 */
export function checkPairArgs(args: Record<string, unknown>, pending: readonly string[] = []): string[] {
    // A pending value of a name that is no argument is reported at once, like any other.
    const omitted = pending.filter((f) => f in pairArgsSchema.shape);
    const schema =
        omitted.length === 0
            ? pairArgsSchema
            : pairArgsSchema.omit(Object.fromEntries(omitted.map((f) => [f, true])) as Record<FieldName, true>);
    const subset =
        omitted.length === 0 ? args : Object.fromEntries(Object.entries(args).filter(([k]) => !omitted.includes(k)));

    const problems: string[] = [];
    const result = schema.safeParse(subset);
    if (!result.success) {
        for (const issue of result.error.issues) {
            if (issue.code === "unrecognized_keys") {
                problems.push(...issue.keys.map(notAnArgument));
            } else {
                problems.push(`${issue.path.map(String).join(".") || "(arguments)"}: ${issue.message}`);
            }
        }
    }
    return [...problems, ...checkAcross(args, pending)];
}

/** The checks that span two arguments, once both are known. */
function checkAcross(args: Record<string, unknown>, pending: readonly string[]): string[] {
    const known = (...fields: string[]) => fields.every((f) => !pending.includes(f));
    const problems: string[] = [];
    const { connectorNamespace, siteNamespace } = args;
    if (typeof connectorNamespace === "string" && connectorNamespace === siteNamespace) {
        problems.push(
            `siteNamespace: '${siteNamespace}' is also the connectorNamespace; ${rules.ruleDescriptions.distinctNamespaces}`,
        );
    }
    const clientCert =
        known("useClientCert", "tlsCredentials") && rules.checkClientCert(args.useClientCert, args.tlsCredentials);
    if (clientCert) problems.push(`useClientCert: ${clientCert}`);
    return problems;
}
