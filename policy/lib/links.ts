// Reading Skupper's links between sites, the same lazy way as the halves: an AccessGrant
// (in the accepting site's namespace: redemptionsAllowed, expirationWindow, code,
// issuer), the AccessToken that redeems it (in the linking site's namespace: url, code,
// ca, linkCost) and the Link that Skupper's controller makes of a redeemed token (cost,
// endpoints, tlsCredentials). And the two value rules their policies share.
import { SKUPPER_API_VERSION } from "@skupper-pulumi/attached-connector/constants";
import { LinkKind, PolicyInput, readAs, SkupperObject } from "./objects";

const linkKinds: readonly LinkKind[] = ["AccessGrant", "AccessToken", "Link"];

/** The Pulumi type token of a link kind, e.g. kubernetes:skupper.io/v2alpha1:AccessToken. */
export function linkType(kind: LinkKind): string {
    return `kubernetes:${SKUPPER_API_VERSION}:${kind}`;
}

export function readLinkObject(resource: PolicyInput): SkupperObject<LinkKind> | undefined {
    const kind = linkKinds.find((k) => linkType(k) === resource.type);
    return kind ? readAs(resource, kind) : undefined;
}

/** undefined when `value` is an integer from `min` to `max`, else what is wrong with it and what was expected. */
export function checkIntegerRange(value: unknown, min: number, max: number): string | undefined {
    if (typeof value === "number" && Number.isInteger(value) && value >= min && value <= max) return undefined;
    return `${JSON.stringify(value)} is not allowed; expected an integer from ${min} to ${max}`;
}

// Go's time.ParseDuration, which Skupper's controller reads expirationWindow with: an
// optional sign, then "0" or one or more decimal numbers each with a unit.
const GO_DURATION_UNITS: Record<string, number> = {
    ns: 1e-9,
    us: 1e-6,
    "\u00b5s": 1e-6,
    "\u03bcs": 1e-6,
    ms: 1e-3,
    s: 1,
    m: 60,
    h: 3600,
};
const GO_DURATION_PART = /(\d+\.?\d*|\.\d+)(ns|us|\u00b5s|\u03bcs|ms|s|m|h)/gy;
/** The pattern of a Go duration, for config schemas. */
export const GO_DURATION_PATTERN = "^[-+]?(0|((\\d+\\.?\\d*|\\.\\d+)(ns|us|\u00b5s|\u03bcs|ms|s|m|h))+)$";
/** Go's limit: a duration is an int64 of nanoseconds, about 292 years. */
const MAX_GO_DURATION_SECONDS = (2 ** 63 - 1) / 1e9;

/** The seconds a Go duration string stands for, or undefined when Go would refuse it. */
export function parseGoDuration(text: unknown): number | undefined {
    if (typeof text !== "string") return undefined;
    const sign = text.startsWith("-") ? -1 : 1;
    const body = text.replace(/^[-+]/, "");
    if (body === "0") return 0;
    if (body === "") return undefined;
    const parts = new RegExp(GO_DURATION_PART);
    let seconds = 0;
    while (parts.lastIndex < body.length) {
        const part = parts.exec(body);
        if (!part) return undefined;
        seconds += Number(part[1]) * GO_DURATION_UNITS[part[2]];
    }
    return seconds > MAX_GO_DURATION_SECONDS ? undefined : sign * seconds;
}
