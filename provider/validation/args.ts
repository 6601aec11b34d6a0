// The arguments of the components and their checks: one zod field per argument, with the
// rules of rules.ts on each value, each component's schema picked from them, and the
// checks that span two arguments. Every problem becomes one line, `field: what is wrong;
// expected ...`.
import { z } from "zod";
import { CONNECTOR_DIGEST_SETTING } from "../halves";
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
const flag = z.boolean({ error: "expected a boolean (true or false)" });
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

const bindingSettings = stringMap.superRefine((map, ctx) => {
    if (CONNECTOR_DIGEST_SETTING in map) {
        ctx.addIssue({ code: "custom", message: "is set by the component", path: [CONNECTOR_DIGEST_SETTING] });
    }
});

const namespace = text(rules.checkNamespace, rules.ruleDescriptions.namespace);
const objectName = text(rules.checkObjectName, rules.ruleDescriptions.objectName);
const timeoutSeconds = ruled(
    z.number({ error: `expected ${rules.ruleDescriptions.timeoutSeconds}` }),
    rules.checkTimeoutSeconds,
);

const bindingReference = z.strictObject(
    {
        namespace,
        name: objectName,
    },
    { error: "expected the binding's namespace and name, { namespace, name }" },
);

/** Every argument any component takes, with its rules, as its resolved (plain) value. */
const argumentFields = {
    connectorNamespace: namespace,
    siteNamespace: namespace,
    namespace,
    port: ruled(
        z.number(missingOr(rules.ruleDescriptions.port, `expected ${rules.ruleDescriptions.port}`)),
        rules.checkPort,
    ),
    selector: text(rules.checkSelector, rules.ruleDescriptions.selector),
    routingKey: text(rules.checkRoutingKey, rules.ruleDescriptions.routingKey),
    host: text(rules.checkServiceName, rules.ruleDescriptions.host),
    objectName,
    tlsCredentials: objectName,
    useClientCert: flag,
    includeNotReadyPods: flag,
    type: text((v) => rules.checkType(v), rules.ruleDescriptions.type),
    exposePodsByName: flag,
    connectorSettings: stringMap,
    bindingSettings,
    settings: stringMap,
    labels,
    annotations,
    linkAccess: text(rules.checkLinkAccess, rules.ruleDescriptions.linkAccess),
    ha: flag,
    edge: flag,
    serviceAccount: objectName,
    defaultIssuer: objectName,
    awaitListener: flag,
    awaitPartner: flag,
    awaitConnector: flag,
    skipAwait: flag,
    timeoutSeconds,
    binding: bindingReference,
    redemptionsAllowed: ruled(
        z.number({ error: `expected ${rules.ruleDescriptions.redemptionsAllowed}` }),
        rules.checkRedemptionsAllowed,
    ),
    expirationWindow: text(rules.checkExpirationWindow, rules.ruleDescriptions.expirationWindow),
    url: text(rules.checkGrantUrl, rules.ruleDescriptions.grantUrl),
    code: text(rules.checkGrantSecret, rules.ruleDescriptions.grantSecret),
    ca: text(rules.checkGrantSecret, rules.ruleDescriptions.grantSecret),
    cost: ruled(z.number({ error: `expected ${rules.ruleDescriptions.linkCost}` }), rules.checkLinkCost),
    awaitOperational: flag,
};

type FieldName = keyof typeof argumentFields;

/** A component's schema: the required arguments, and the optional ones. */
function pick<R extends FieldName, O extends FieldName>(required: readonly R[], optional: readonly O[]) {
    const shape = Object.fromEntries([
        ...required.map((n) => [n, argumentFields[n]]),
        ...optional.map((n) => [n, argumentFields[n].optional()]),
    ]);
    return z.strictObject(
        shape as { [K in R]: (typeof argumentFields)[K] } & {
            [K in O]: z.ZodOptional<(typeof argumentFields)[K]>;
        },
    );
}

const objectOptions = ["objectName", "labels", "annotations", "timeoutSeconds"] as const;
const connectorOptions = ["tlsCredentials", "useClientCert", "includeNotReadyPods", "type"] as const;

/** The plain (resolved) inputs of AttachedConnectorPair, with their rules. */
export const pairArgsSchema = pick(
    ["connectorNamespace", "siteNamespace", "port", "selector"],
    [
        ...objectOptions,
        ...connectorOptions,
        "routingKey",
        "exposePodsByName",
        "connectorSettings",
        "bindingSettings",
        "awaitListener",
        "skipAwait",
    ],
);
/** The workload team's half alone. */
export const workloadHalfArgsSchema = pick(
    ["connectorNamespace", "siteNamespace", "port", "selector"],
    [...objectOptions, ...connectorOptions, "settings", "awaitPartner"],
);
/** The site team's half alone. */
export const siteHalfArgsSchema = pick(
    ["siteNamespace", "connectorNamespace"],
    [...objectOptions, "routingKey", "exposePodsByName", "settings", "awaitPartner", "awaitListener"],
);
/** A listener for a routing key in a consuming site; its name's rule depends on `host` (see listenerChecks). */
export const listenerArgsSchema = pick(
    ["namespace", "routingKey", "port"],
    [
        ...objectOptions,
        "host",
        "tlsCredentials",
        "type",
        "exposePodsByName",
        "settings",
        "awaitConnector",
        "skipAwait",
        "binding",
    ],
).extend({ objectName: z.string({ error: "expected a string" }).optional() });

/** A Skupper site in a namespace. */
export const siteArgsSchema = pick(
    ["namespace"],
    [...objectOptions, "linkAccess", "ha", "edge", "serviceAccount", "defaultIssuer", "settings", "skipAwait"],
);

/** The accepting site's grant. */
export const grantArgsSchema = pick(
    ["namespace"],
    [...objectOptions, "redemptionsAllowed", "expirationWindow", "skipAwait"],
);
/** The linking site's token for a grant, and the link Skupper makes of it. */
export const linkArgsSchema = pick(["namespace", "url", "code", "ca"], [...objectOptions, "cost", "awaitOperational"]);

export type ResolvedPairArgs = z.infer<typeof pairArgsSchema>;
export type ResolvedWorkloadHalfArgs = z.infer<typeof workloadHalfArgsSchema>;
export type ResolvedSiteHalfArgs = z.infer<typeof siteHalfArgsSchema>;
export type ResolvedListenerArgs = z.infer<typeof listenerArgsSchema>;
export type ResolvedSiteArgs = z.infer<typeof siteArgsSchema>;
export type ResolvedGrantArgs = z.infer<typeof grantArgsSchema>;
export type ResolvedLinkArgs = z.infer<typeof linkArgsSchema>;

/** Whether every one of the arguments named is known (not an output still pending). */
type Known = (...fields: string[]) => boolean;

/** A component's arguments: its name in messages, its schema, and the names it takes besides (providers). */
export interface ArgumentsOf {
    component: string;
    schema: z.ZodObject<Record<string, z.ZodType>>;
    others?: readonly string[];
    /** The component's own checks that span arguments. */
    across?: (args: Record<string, unknown>, known: Known) => string[];
}

/**
 * A listener's name names the port of the Service Skupper creates, and the Service itself
 * where `host` is not set.
 */
export function listenerChecks(args: Record<string, unknown>, known: Known): string[] {
    const { objectName, host } = args;
    if (!known("objectName", "host") || typeof objectName !== "string") return [];
    const problem = rules.checkListenerName(objectName, host === undefined);
    return problem ? [`objectName: ${problem}`] : [];
}

/**
 * Checks the arguments and returns one line per problem, `field: what is wrong`.
 * `pending` names the fields whose values are not known yet (outputs of other
 * resources): they are left out, to be checked once they resolve.
 */
export function checkArgs(of: ArgumentsOf, args: Record<string, unknown>, pending: readonly string[] = []): string[] {
    // A pending value of a name that is no argument is reported at once, like any other.
    const omitted = pending.filter((f) => f in of.schema.shape);
    const mask = Object.fromEntries(omitted.map((f) => [f, true])) as Record<string, true> & Record<number, never>;
    const schema = omitted.length === 0 ? of.schema : of.schema.omit(mask);
    const subset = Object.fromEntries(Object.entries(args).filter(([k]) => !omitted.includes(k)));

    const problems: string[] = [];
    const result = schema.safeParse(subset);
    if (!result.success) {
        const names = [...Object.keys(of.schema.shape), ...(of.others ?? [])];
        for (const issue of result.error.issues) {
            if (issue.code === "unrecognized_keys") {
                for (const key of issue.keys) {
                    const meant = closestName(key, names);
                    problems.push(
                        `${key}: is not an argument of ${of.component}${meant ? `; did you mean '${meant}'?` : ""}`,
                    );
                }
            } else {
                problems.push(`${issue.path.map(String).join(".") || "(arguments)"}: ${issue.message}`);
            }
        }
    }
    return [...problems, ...checkAcross(of, args, pending)];
}

/** The checks that span two arguments, once both are known. */
function checkAcross(of: ArgumentsOf, args: Record<string, unknown>, pending: readonly string[]): string[] {
    const known = (...fields: string[]) => fields.every((f) => !pending.includes(f));
    const problems: string[] = [...(of.across?.(args, known) ?? [])];
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
