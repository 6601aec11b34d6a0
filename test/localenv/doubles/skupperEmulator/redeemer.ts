// The redemption of an AccessToken, as Skupper 2.2.1's controller makes it (when:
// accessTokens.ts): a POST of the token's code to its URL with headers `name` (the
// token's name) and `subject` (the Site's uid), the server checked against the token's
// CA. A 200 answer is a YAML stream (grantServer.ts): its Secret and then its Links are
// created in the token's namespace, owned by the Site (a Link costs the token's linkCost
// when that is set). The token's status then says how it went: "Controller got error:
// ..." when the server could not be reached, "Controller got failed response: <code>
// (<status text>) <body>" when it refused. Only loopback addresses are posted to: a
// token for any other host fails as if it could not be reached, so that the local
// environment never sends anything off this machine.
import * as http from "node:http";
import * as https from "node:https";
import { isIP } from "node:net";
import { loadAll } from "js-yaml";
import { SKUPPER_API_VERSION } from "../../../../provider/constants";
import { KubeClient, KubeError, paths } from "../../cluster/kubeClient";
import { setRedeemed } from "./accessTokens";
import { Redemption } from "./controller";
import { rfc3339 } from "./grants";
import { clone, KubeObject, siteOwnerReference, text } from "./objects";

const TIMEOUT_MS = 10000;

function isLoopback(hostname: string): boolean {
    const host = hostname.replace(/^\[(.*)\]$/, "$1");
    if (host === "localhost") return true;
    if (isIP(host) === 4) return host.startsWith("127.");
    return host === "::1";
}

/** The API server's reason for a refusal (its Status message), as Go's client names it. */
function reason(error: unknown): string {
    const message = (error as Error).message;
    const json = /\{.*\}\s*$/s.exec(message)?.[0];
    try {
        return (json && JSON.parse(json).message) || message;
    } catch {
        return message;
    }
}

/** POSTs the token's code; the answer's body, or an error with the message the token gets. */
export function post(token: KubeObject, site: KubeObject): Promise<string> {
    const url = text(token.spec?.url);
    const failed = (why: string) => new Error(`Controller got error: Post ${JSON.stringify(url)}: ${why}`);
    let target: URL;
    try {
        target = new URL(url);
    } catch {
        return Promise.reject(failed("invalid URL"));
    }
    if (!isLoopback(target.hostname)) {
        return Promise.reject(failed("the Skupper status emulator posts to loopback addresses only"));
    }
    const ca = text(token.spec?.ca);
    const headers = { name: token.metadata.name, subject: site.metadata.uid ?? "" };
    const options = { method: "POST", headers, timeout: TIMEOUT_MS, ...(ca ? { ca } : {}) };
    return new Promise((resolve, reject) => {
        const request = (target.protocol === "http:" ? http : https).request(target, options, (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (chunk: Buffer) => chunks.push(chunk));
            res.on("end", () => {
                const body = Buffer.concat(chunks).toString();
                const code = res.statusCode ?? 0;
                if (code === 200) return resolve(body);
                const status = http.STATUS_CODES[code] ?? "";
                reject(new Error(`Controller got failed response: ${code} (${status}) ${body.trim()}`));
            });
        });
        request.on("timeout", () => request.destroy(new Error("timed out")));
        request.on("error", (e) => reject(failed(e.message)));
        request.end(text(token.spec?.code));
    });
}

/** Creates the Secret and the Links of an answer; the token's error, if any. */
export async function createReceived(
    kube: KubeClient,
    token: KubeObject,
    site: KubeObject,
    answer: string,
): Promise<string | undefined> {
    let documents: any[];
    try {
        documents = loadAll(answer).filter((document) => document && typeof document === "object");
    } catch {
        return "Controller could not decode response";
    }
    const [secret, ...links] = documents;
    if (!secret) return "Controller could not decode response";
    const namespace = token.metadata.namespace;
    const ownerReferences = [siteOwnerReference(site)];
    try {
        await kube.create(paths.secrets(namespace), { ...secret, metadata: { ...secret.metadata, ownerReferences } });
    } catch (e) {
        return `Controller could not create received secret: ${reason(e)}`;
    }
    const cost = Number(token.spec?.linkCost ?? 0);
    for (const { status: _status, ...link } of links) {
        const spec = cost > 0 ? { ...link.spec, cost } : link.spec;
        try {
            await kube.create(paths.skupper(namespace, "Link"), {
                ...link,
                metadata: { ...link.metadata, ownerReferences },
                spec,
            });
        } catch (e) {
            return `Controller could not create received link: ${reason(e)}`;
        }
    }
    return undefined;
}

/** Redeems a token and writes how it went on it (when that changed its status). */
export async function redeem(kube: KubeClient, { token, site }: Redemption, now = new Date()): Promise<void> {
    let error: string | undefined;
    try {
        error = await createReceived(kube, token, site, await post(token, site));
    } catch (e) {
        error = (e as Error).message;
    }
    const copy = clone(token);
    if (!setRedeemed(copy, error, rfc3339(now.getTime()))) return;
    const { namespace, name } = token.metadata;
    try {
        await kube.request("PUT", `${paths.skupper(namespace, "AccessToken", name)}/status`, {
            ...copy,
            apiVersion: SKUPPER_API_VERSION,
            kind: "AccessToken",
        });
        console.log(
            `[skupper-emulator] AccessToken ${namespace}/${name}: ${copy.status.status} ${copy.status.message}`,
        );
    } catch (e) {
        // Changed or gone since it was listed: its next event tries again, or nothing is left to do.
        if (!(e instanceof KubeError && (e.status === 409 || e.status === 404))) throw e;
    }
}
