// The validation rules for Skupper attached connectors, in one place: the component's
// input validation, the README and the policy pack all use these. Skupper's CRDs check
// only types and required fields, so these rules close that gap. Each rule returns
// undefined when the value is fine, or a sentence saying what is wrong.
// This module depends on nothing, so the policy pack can carry it as it is.

export type RuleResult = string | undefined;

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const QUALIFIED_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/;

/** The rule descriptions, as the README and error messages state them. */
export const ruleDescriptions = {
    objectName: "a DNS-1123 subdomain: at most 253 lowercase letters, digits, '-' and '.', starting and ending with a letter or digit",
    routingKey: "a DNS-1123 subdomain: at most 253 lowercase letters, digits, '-' and '.', starting and ending with a letter or digit",
    namespace: "a DNS-1123 label: at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit",
    distinctNamespaces: "the connector and site namespaces must differ",
    port: "an integer from 1 to 65535",
    selector: "a non-empty Kubernetes label selector, such as app=backend or app=db,tier in (primary)",
    type: "empty or tcp (the only type Skupper implements for attached connectors)",
    timeoutSeconds: "a positive integer number of seconds",
    settings: "a map of strings to strings",
} as const;

/** A value as messages show it: quoted, with control characters escaped. */
export function quote(value: string): string {
    return `'${JSON.stringify(value).slice(1, -1)}'`;
}

function dns1123(value: string, pattern: RegExp, max: number, what: string): RuleResult {
    if (value.length === 0) return `must not be empty; expected ${what}`;
    if (value.length > max) return `is ${value.length} characters long; expected ${what}`;
    if (!pattern.test(value)) return `${quote(value)} is not valid; expected ${what}`;
    return undefined;
}

export function checkObjectName(value: string): RuleResult {
    return dns1123(value, DNS1123_SUBDOMAIN, 253, ruleDescriptions.objectName);
}

export function checkRoutingKey(value: string): RuleResult {
    return dns1123(value, DNS1123_SUBDOMAIN, 253, ruleDescriptions.routingKey);
}

export function checkNamespace(value: string): RuleResult {
    return dns1123(value, DNS1123_LABEL, 63, ruleDescriptions.namespace);
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

export function checkTimeoutSeconds(value: unknown): RuleResult {
    if (typeof value !== "number" || !Number.isInteger(value) || value < 1) {
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
 * A Kubernetes label selector in its string form: comma-separated requirements, each
 * `key`, `!key`, `key=value`, `key==value`, `key!=value`, `key in (v1,v2)` or
 * `key notin (v1,v2)`. An empty selector would select every pod, so it is refused.
 */
export function checkSelector(selector: string): RuleResult {
    if (selector.trim().length === 0) {
        return `must not be empty (an empty selector would select every pod); expected ${ruleDescriptions.selector}`;
    }
    for (const requirement of splitRequirements(selector)) {
        const problem = checkRequirement(requirement.trim());
        if (problem) return `${quote(selector)} is not valid: ${problem}`;
    }
    return undefined;
}

function splitRequirements(selector: string): string[] {
    const parts: string[] = [];
    let depth = 0;
    let current = "";
    for (const ch of selector) {
        if (ch === "(") depth++;
        if (ch === ")") depth--;
        if (ch === "," && depth === 0) {
            parts.push(current);
            current = "";
        } else {
            current += ch;
        }
    }
    parts.push(current);
    return parts;
}

const SET_REQUIREMENT = /^(\S+)\s+(in|notin)\s*\(([^()]*)\)$/;
const EQUALITY_REQUIREMENT = /^([^\s=!]+)\s*(==|=|!=)\s*(\S*)$/;

function checkRequirement(req: string): RuleResult {
    if (req.length === 0) return "it has an empty requirement (check for a stray comma)";
    const set = SET_REQUIREMENT.exec(req);
    if (set) {
        const values = set[3].split(",").map((v) => v.trim());
        if (values.length === 1 && values[0] === "") return `${quote(req)} lists no values`;
        return checkLabelKey(set[1]) ?? values.map(checkLabelValue).find((p) => p !== undefined);
    }
    const eq = EQUALITY_REQUIREMENT.exec(req);
    if (eq) return checkLabelKey(eq[1]) ?? checkLabelValue(eq[3]);
    const exists = /^!?\s*([^\s=!(),]+)$/.exec(req);
    if (exists) return checkLabelKey(exists[1]);
    return `${quote(req)} is not a label requirement (key=value, key!=value, key in (a,b), key notin (a,b), key or !key)`;
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
