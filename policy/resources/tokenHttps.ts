// skupper-token-https: Skupper's controller redeems an AccessToken by posting its code to
// the token's url, and checks the server against the token's ca only over TLS.
import { describe } from "../lib/objects";
import { attachedPolicy } from "../lib/policy";

function isHttps(url: unknown): boolean {
    if (typeof url !== "string") return false;
    try {
        return new URL(url).protocol === "https:";
    } catch {
        return false;
    }
}

export const tokenHttps = attachedPolicy<Record<string, never>, "AccessToken">({
    name: "skupper-token-https",
    description:
        "An AccessToken's spec.url must be an https:// URL: Skupper's controller posts the token's code to it, and checks the server against spec.ca only over TLS, so over http:// the code crosses the network in clear to a server nobody checked.",
    enforcementLevel: "mandatory",
    kinds: ["AccessToken"],
    check: (token, _config, report) => {
        const url = token.spec.url;
        if (isHttps(url)) return;
        const wrong = url === undefined ? "is not set" : `${JSON.stringify(url)} is not an https:// URL`;
        report(`${describe(token)}: spec.url ${wrong}; expected the https:// URL in the AccessGrant's status.url.`);
    },
});
