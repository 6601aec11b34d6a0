// The validation rules for Skupper attached connectors, in one place: the component's
// input validation, the README and the policy pack all use these. Skupper's CRDs check
// only types and required fields, so these rules close that gap. Each rule returns
// undefined when the value is fine, or a sentence saying what is wrong.
// This module depends only on dependency-free modules (quote.ts, selector.ts,
// goDuration.ts and ../halves.ts), so the policy pack can carry it as it is.
import { MAX_TIMEOUT_SECONDS } from "../halves";
import { GO_DURATION_PATTERN, parseGoDuration } from "./goDuration";
import { quote } from "./quote";
import { parseSelector, Requirement } from "./selector";

export { GO_DURATION_PATTERN, MAX_TIMEOUT_SECONDS, parseGoDuration, quote };

export type RuleResult = string | undefined;

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const RFC1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const QUALIFIED_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/;

/** The rule descriptions, as the README and error messages state them. */
export const ruleDescriptions = {
    objectName:
        "a DNS-1123 subdomain: at most 253 lowercase letters, digits, '-' and '.', starting and ending with a letter or digit",
    routingKey:
        "a DNS-1123 subdomain: at most 253 lowercase letters, digits, '-' and '.', starting and ending with a letter or digit",
    namespace:
        "a DNS-1123 label: at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit",
    host: "an RFC 1035 label, as a Service name must be (Skupper names the listener's Service after it): at most 63 lowercase letters, digits and '-', starting with a letter and ending with a letter or digit",
    listenerName:
        "a DNS-1123 label, as a Service port name must be (Skupper names the port of the listener's Service after the listener): at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit",
    listenerNameAsHost:
        "an RFC 1035 label, as a Service name must be (the listener's host, after which Skupper names its Service, defaults to the listener's name): at most 63 lowercase letters, digits and '-', starting with a letter and ending with a letter or digit",
    distinctNamespaces: "the connector and site namespaces must differ",
    linkAccess:
        "an access type of Skupper's, a DNS-1123 label such as default (the cluster's default: a LoadBalancer Service on Kubernetes), loadbalancer, route, nodeport or local; none for no link access",
    port: "an integer from 1 to 65535",
    selector: "a non-empty Kubernetes label selector, such as app=backend or app=db,tier in (primary)",
    type: "empty or tcp (the only type Skupper implements)",
    timeoutSeconds: `an integer from 1 to ${MAX_TIMEOUT_SECONDS} (seconds, at most one day)`,
    settings: "a map of strings to strings",
    redemptionsAllowed: "an integer from 1 (how many tokens may redeem the grant; one links one site)",
    expirationWindow: "a positive Go duration, such as 15m or 1h30m (how long the grant may be redeemed)",
    grantUrl: "the https:// URL of a grant, as a SkupperGrant's url output gives it",
    grantSecret: "a non-empty string, as a SkupperGrant's output gives it",
    linkCost: "an integer from 1 (Skupper's default); the router prefers the links of least cost",
    routingKeyPrefix:
        "a prefix owns the routing key equal to it and the keys that continue it after '-' or '.' (shop owns shop, shop-cart and shop.cart, not shopping-cart); a prefix that ends in '-' or '.' owns the keys that start with it",
} as const;

function nameRule(value: string, pattern: RegExp, max: number, what: string): RuleResult {
    if (value.length === 0) return `must not be empty; expected ${what}`;
    if (value.length > max) return `is ${value.length} characters long; expected ${what}`;
    if (!pattern.test(value)) return `${quote(value)} is not valid; expected ${what}`;
    return undefined;
}

export function checkObjectName(value: string): RuleResult {
    return nameRule(value, DNS1123_SUBDOMAIN, 253, ruleDescriptions.objectName);
}

export function checkRoutingKey(value: string): RuleResult {
    return nameRule(value, DNS1123_SUBDOMAIN, 253, ruleDescriptions.routingKey);
}

export function checkNamespace(value: string): RuleResult {
    return nameRule(value, DNS1123_LABEL, 63, ruleDescriptions.namespace);
}

/**
 * A listener's host: Skupper creates a Service of that name. When the API server refuses
 * the name, Skupper only logs it and still reports the listener Configured.
 */
export function checkLinkAccess(value: string): RuleResult {
    return nameRule(value, DNS1123_LABEL, 63, ruleDescriptions.linkAccess);
}

export function checkServiceName(value: string): RuleResult {
    return nameRule(value, RFC1035_LABEL, 63, ruleDescriptions.host);
}

/** A listener's name: Skupper names its Service's port after it, and its Service too where it is the host. */
export function checkListenerName(value: string, isHost: boolean): RuleResult {
    return isHost
        ? nameRule(value, RFC1035_LABEL, 63, ruleDescriptions.listenerNameAsHost)
        : nameRule(value, DNS1123_LABEL, 63, ruleDescriptions.listenerName);
}

export function checkPort(value: unknown): RuleResult {
    if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > 65535) {
        return `${JSON.stringify(value)} is not ${ruleDescriptions.port}`;
    }
    return undefined;
}

export function checkType(value: string | undefined): RuleResult {
    if (value === undefined || value === "" || value === "tcp") return undefined;
    return `${quote(value)} is not supported; expected ${ruleDescriptions.type}`;
}

/** Bounded: far larger values overflow a Go duration, or print as 1e+21, which the provider cannot parse. */
export function checkTimeoutSeconds(value: unknown): RuleResult {
    if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > MAX_TIMEOUT_SECONDS) {
        return `${JSON.stringify(value)} is not ${ruleDescriptions.timeoutSeconds}`;
    }
    return undefined;
}

/** A label key: an optional DNS-1123 subdomain prefix and '/', then a name of at most 63. */
export function checkLabelKey(key: string): RuleResult {
    const slash = key.indexOf("/");
    const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
    const name = slash >= 0 ? key.slice(slash + 1) : key;
    if (prefix !== undefined && (prefix.length === 0 || prefix.length > 253 || !DNS1123_SUBDOMAIN.test(prefix))) {
        return `label key ${quote(key)} has an invalid prefix; expected a DNS-1123 subdomain before '/'`;
    }
    if (name.length === 0 || name.length > 63 || !QUALIFIED_NAME.test(name)) {
        return `label key ${quote(key)} is not valid; expected at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit`;
    }
    return undefined;
}

export function checkLabelValue(value: string): RuleResult {
    if (value.length > 63 || !LABEL_VALUE.test(value)) {
        return `label value ${quote(value)} is not valid; expected at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit`;
    }
    return undefined;
}

/**
 * A Kubernetes label selector in its string form, valid exactly when the API server's
 * parser accepts it (see selector.ts), with two more rules of ours: it must not be empty
 * (an empty selector selects every pod), and a set must list a value (`key in ()` reads
 * as "no values" but selects the empty value).
 */
export function checkSelector(selector: string): RuleResult {
    const parsed = parseSelector(selector);
    if (parsed.problem !== undefined) return `${quote(selector)} is not valid: ${parsed.problem}`;
    if (parsed.requirements.length === 0) {
        return `must not be empty (an empty selector would select every pod); expected ${ruleDescriptions.selector}`;
    }
    for (const requirement of parsed.requirements) {
        const problem = checkRequirement(requirement);
        if (problem) return `${quote(selector)} is not valid: ${problem}`;
    }
    return undefined;
}

const INT64_MAX = 2n ** 63n - 1n;

function checkRequirement({ key, operator, values }: Requirement): RuleResult {
    const keyProblem = checkLabelKey(key);
    if (keyProblem) return keyProblem;
    if ((operator === "in" || operator === "notin") && values.length === 0) {
        const same = operator === "in" ? "=" : "!=";
        return `${quote(`${key} ${operator} ()`)} lists no values; expected at least one value (Kubernetes reads () as the empty value; write ${key}${same} for that)`;
    }
    if (operator === ">" || operator === "<") {
        const [value] = values;
        const integer = /^[+-]?[0-9]+$/.test(value) && BigInt(value) <= INT64_MAX && BigInt(value) >= -INT64_MAX - 1n;
        if (!integer)
            return `${quote(`${key}${operator}${value}`)} compares with ${quote(value)}; expected a 64-bit integer after '${operator}'`;
    }
    return values.map(checkLabelValue).find((p) => p !== undefined);
}

/** useClientCert sends the client certificate of the tlsCredentials Secret, so it needs one. */
export function checkClientCert(useClientCert: unknown, tlsCredentials: unknown): RuleResult {
    if (useClientCert !== true || (typeof tlsCredentials === "string" && tlsCredentials !== "")) return undefined;
    return "is true but tlsCredentials is not set; expected tlsCredentials naming the Secret whose client certificate is sent, or useClientCert false";
}

/** Whether a routing-key prefix owns a key (see ruleDescriptions.routingKeyPrefix). */
export function ownsRoutingKey(prefix: string, key: string): boolean {
    if (prefix === "" || !key.startsWith(prefix)) return false;
    if (key === prefix || prefix.endsWith("-") || prefix.endsWith(".")) return true;
    const next = key[prefix.length];
    return next === "-" || next === ".";
}

/** A string map such as `settings`: every value must be a string. */
export function checkStringMap(value: unknown): RuleResult {
    if (value === undefined) return undefined;
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
        return `expected ${ruleDescriptions.settings}`;
    }
    const bad = Object.entries(value).find(([, v]) => typeof v !== "string");
    return bad ? `${quote(bad[0])} is ${JSON.stringify(bad[1])}; expected ${ruleDescriptions.settings}` : undefined;
}

function positiveInteger(value: unknown, what: string): RuleResult {
    if (typeof value !== "number" || !Number.isInteger(value) || value < 1)
        return `${JSON.stringify(value)} is not ${what}`;
    return undefined;
}

export function checkRedemptionsAllowed(value: unknown): RuleResult {
    return positiveInteger(value, ruleDescriptions.redemptionsAllowed);
}

export function checkLinkCost(value: unknown): RuleResult {
    return positiveInteger(value, ruleDescriptions.linkCost);
}

export function checkExpirationWindow(value: string): RuleResult {
    const seconds = parseGoDuration(value);
    return seconds !== undefined && seconds > 0
        ? undefined
        : `${quote(value)} is not ${ruleDescriptions.expirationWindow}`;
}

/** The grant server's URL: Skupper redeems over HTTPS only. */
export function checkGrantUrl(value: string): RuleResult {
    return /^https:\/\/[^/\s]+\/\S+$/.test(value) ? undefined : `${quote(value)} is not ${ruleDescriptions.grantUrl}`;
}

/** A grant's code or CA: never quoted back, since it is a secret. */
export function checkGrantSecret(value: string): RuleResult {
    return value.length > 0 ? undefined : `must not be empty; expected ${ruleDescriptions.grantSecret}`;
}
