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

export { GO_DURATION_PATTERN, parseGoDuration } from "@skupper-pulumi/attached-connector/validation";
