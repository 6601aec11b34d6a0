// skupper-bounded-grants: whoever holds a token for an AccessGrant can link a site to the
// grant's site, as many times as redemptionsAllowed and for as long as expirationWindow
// from when Skupper processes the grant; the platform caps both.
import { checkIntegerRange, GO_DURATION_PATTERN, parseGoDuration } from "../lib/links";
import { describe } from "../lib/objects";
import { attachedPolicy } from "../lib/policy";

export interface BoundedGrantsConfig {
    maxRedemptions?: number;
    /** A Go duration, such as 1h or 30m. */
    maxExpirationWindow?: string;
}

const name = "skupper-bounded-grants";
/** The defaults Skupper's AccessGrant CRD documents for a field left out. */
const skupperDefault = { redemptionsAllowed: 1, expirationWindow: "15m" };

export const boundedGrants = attachedPolicy<BoundedGrantsConfig, "AccessGrant">({
    name,
    description:
        "An AccessGrant's spec.redemptionsAllowed must be an integer from 1 to maxRedemptions (default 1: one token links one site, so each site gets its own grant) and its spec.expirationWindow a positive Go duration (such as 15m or 1h30m) of at most maxExpirationWindow (default 1h: time for another stack to redeem the token, while a leaked token soon stops working). Left out, Skupper allows 1 redemption, within 15m as its CRD documents (Skupper 2.2.1's controller applies 10m), which passes unless maxExpirationWindow is set below 15m.",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            maxRedemptions: {
                type: "integer",
                minimum: 1,
                default: 1,
                description: "The most redemptionsAllowed an AccessGrant may give.",
            },
            maxExpirationWindow: {
                type: "string",
                pattern: GO_DURATION_PATTERN,
                default: "1h",
                description:
                    "The longest expirationWindow an AccessGrant may give, as a Go duration (such as 30m or 2h).",
            },
        },
    },
    kinds: ["AccessGrant"],
    check: (grant, config, report) => {
        const maxRedemptions = config.maxRedemptions ?? 1;
        const redemptions = grant.spec.redemptionsAllowed;
        const problem = redemptions === undefined ? undefined : checkIntegerRange(redemptions, 1, maxRedemptions);
        if (problem) {
            report(
                `${describe(grant)}: spec.redemptionsAllowed ${problem} (maxRedemptions), or none: Skupper then allows ${skupperDefault.redemptionsAllowed}.`,
            );
        }

        const maxText = config.maxExpirationWindow ?? "1h";
        const max = parseGoDuration(maxText);
        if (max === undefined) {
            throw new Error(`${name}: maxExpirationWindow ${JSON.stringify(maxText)} is not a Go duration`);
        }
        const window = grant.spec.expirationWindow;
        const expected = `expected a Go duration of at most ${maxText} (maxExpirationWindow)`;
        if (window === undefined) {
            if (parseGoDuration(skupperDefault.expirationWindow)! > max) {
                report(
                    `${describe(grant)}: spec.expirationWindow is not set, so Skupper's default of ${skupperDefault.expirationWindow} applies; ${expected}.`,
                );
            }
            return;
        }
        const seconds = parseGoDuration(window);
        if (seconds === undefined) {
            report(
                `${describe(grant)}: spec.expirationWindow ${JSON.stringify(window)} is not a Go duration, and Skupper puts the grant in error; ${expected}, such as 15m or 1h30m.`,
            );
        } else if (seconds <= 0) {
            report(
                `${describe(grant)}: spec.expirationWindow ${JSON.stringify(window)} is not positive, so the grant expires as Skupper makes it; ${expected}.`,
            );
        } else if (seconds > max) {
            report(`${describe(grant)}: spec.expirationWindow ${JSON.stringify(window)} is too long; ${expected}.`);
        }
    },
});
