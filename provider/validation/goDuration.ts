// Go's time.ParseDuration, which Skupper's controller reads an AccessGrant's
// expirationWindow with: an optional sign, then "0" or one or more decimal numbers each
// with a unit. Dependency-free, so the policy pack shares it.
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
