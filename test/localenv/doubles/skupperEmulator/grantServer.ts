// The emulator's grant server, as Skupper 2.2.1's controller serves AccessGrants (over
// HTTPS, here on 127.0.0.1 only, at the port the environment gives). A token is redeemed
// by a POST of its code to /<grant uid>, with headers `name` (the token's name) and
// `subject` (the redeeming Site's uid). Refusals are text: 405 "Only POST is supported",
// 404 "No such claim" (no such grant, or expired), 404 "No such access granted" (its
// redemptions are used up), 403 "Redemption of access token refused" (a wrong code). A
// redemption is counted on the grant's status before the answer: a YAML stream of a
// kubernetes.io/tls Secret and a Link per group of the Site's endpoints, both named after
// the token. Skupper signs a certificate for the subject with the Site's CA; no router
// reads the Secret here, so it carries one pair made at the emulator's start (any valid
// PEM would do). The server's own certificate is kept in the Secret that the real
// controller serves with (skupper-grant-server in its namespace), made here when missing.
import * as https from "node:https";
import { dump } from "js-yaml";
import type { Endpoint } from "../../../../provider/crds";
import { GRANT_SERVER_CREDENTIALS } from "../../cluster/grantServer";
import { KubeClient, KubeError, paths } from "../../cluster/kubeClient";
import { issueCertificate, TlsCredentials } from "./certificates";
import { KubeObject, splitKey } from "./objects";

export interface Answer {
    status: number;
    body: string;
}

export interface ClaimRequest {
    method: string;
    path: string;
    headers: Record<string, string | undefined>;
    body: string;
}

/** What the server needs of the controller and the cluster. */
export interface GrantDesk {
    kube: KubeClient;
    /** namespace/name of the grant a uid names, as the controller keeps them. */
    claim(uid: string): string | undefined;
    /** The Site the controller holds for a namespace. */
    activeSite(namespace: string): KubeObject | undefined;
    /** What the Secret of each answer carries. */
    linkCredentials: TlsCredentials;
    now?: () => number;
}

/** An error as Go's http.Error writes it. */
const refuse = (status: number, text: string): Answer => ({ status, body: `${text}\n` });

const refusal = (status: number, text: string) => ({ refused: refuse(status, text) });

/** Counts one redemption on the grant, after checking it; the grant as counted, or the refusal. */
async function countRedemption(
    desk: GrantDesk,
    key: string,
    uid: string,
    code: string,
): Promise<{ grant: KubeObject } | { refused: Answer }> {
    const { namespace, name } = splitKey(key);
    const path = paths.skupper(namespace, "AccessGrant", name);
    // The grant as stored now; a write that conflicts with another is tried again.
    for (let attempt = 0; attempt < 3; attempt++) {
        const grant = await desk.kube.find<KubeObject>(path);
        if (!grant || grant.metadata.uid !== uid) return refusal(404, "No such claim");
        const expiration = Date.parse(grant.status?.expirationTime ?? "");
        if (Number.isNaN(expiration)) return refusal(500, "Corrupted claim");
        if (expiration < (desk.now ?? Date.now)()) return refusal(404, "No such claim");
        const redemptions = Number(grant.status?.redemptions ?? 0);
        if (Number(grant.spec?.redemptionsAllowed ?? 0) <= redemptions) return refusal(404, "No such access granted");
        if (grant.status?.code !== code) return refusal(403, "Redemption of access token refused");
        grant.status.redemptions = redemptions + 1;
        try {
            return { grant: await desk.kube.request<KubeObject>("PUT", `${path}/status`, grant) };
        } catch (e) {
            if (!(e instanceof KubeError && e.status === 409)) break;
        }
    }
    return refusal(503, "Internal error");
}

/** The answer to one request. */
export async function answerClaim(desk: GrantDesk, request: ClaimRequest): Promise<Answer> {
    if (request.method !== "POST") return refuse(405, "Only POST is supported");
    const uid = request.path.split("/").join("");
    const key = desk.claim(uid);
    if (!key) return refuse(404, "No such claim");
    const counted = await countRedemption(desk, key, uid, request.body);
    if ("refused" in counted) return counted.refused;
    const { grant } = counted;
    const name = request.headers.name || grant.metadata.name;
    const site = desk.activeSite(grant.metadata.namespace);
    if (!site) return refuse(500, `Site not yet defined for ${grant.metadata.namespace}`);
    const endpoints: Endpoint[] = site.status?.endpoints ?? [];
    if (!endpoints.length) return refuse(500, "Could not resolve any endpoints for requested link");
    return { status: 200, body: linkAnswer(name, endpoints, desk.linkCredentials) };
}

/** The YAML stream of a redemption: the Secret, then a Link per group of inter-router and edge endpoints. */
export function linkAnswer(name: string, endpoints: Endpoint[], credentials: TlsCredentials): string {
    const base64 = (text: string) => Buffer.from(text).toString("base64");
    const secret = {
        apiVersion: "v1",
        data: {
            "ca.crt": base64(credentials.ca),
            "tls.crt": base64(credentials.cert),
            "tls.key": base64(credentials.key),
        },
        kind: "Secret",
        metadata: { creationTimestamp: null, name },
        type: "kubernetes.io/tls",
    };
    const groups = new Map<string, Endpoint[]>();
    for (const endpoint of endpoints) {
        if (endpoint.name !== "inter-router" && endpoint.name !== "edge") continue;
        groups.set(endpoint.group ?? "", [...(groups.get(endpoint.group ?? "") ?? []), endpoint]);
    }
    const links = [...groups.values()].map((group, i) => ({
        apiVersion: "skupper.io/v2alpha1",
        kind: "Link",
        metadata: { creationTimestamp: null, name: groups.size > 1 ? `${name}-${i + 1}` : name },
        spec: { endpoints: group, tlsCredentials: name },
        status: {},
    }));
    return [secret, ...links].map((document) => `---\n${dump(document)}`).join("");
}

/** Serves grants on 127.0.0.1:port; resolves once it listens. */
export function serveGrants(
    port: number,
    credentials: TlsCredentials,
    answer: (request: ClaimRequest) => Promise<Answer>,
): Promise<https.Server> {
    const server = https.createServer({ cert: credentials.cert, key: credentials.key }, (req, res) => {
        const chunks: Buffer[] = [];
        req.on("data", (chunk: Buffer) => chunks.push(chunk));
        req.on("end", () => {
            const headers = { name: req.headers.name as string | undefined, subject: req.headers.subject as string };
            const request = {
                method: req.method ?? "",
                path: req.url ?? "",
                headers,
                body: Buffer.concat(chunks).toString(),
            };
            answer(request)
                .catch((e: Error) => refuse(500, e.message))
                .then(({ status, body }) => {
                    console.log(
                        `[skupper-emulator] grant server: ${request.method} ${request.path}: ${status} ${body.split("\n")[0]}`,
                    );
                    res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8" }).end(body);
                });
        });
    });
    return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, "127.0.0.1", () => resolve(server));
    });
}

/** The server's certificate, from the Secret the real controller serves with; made and stored when missing. */
export async function grantServerCredentials(kube: KubeClient, namespace: string): Promise<TlsCredentials> {
    const path = `${paths.secrets(namespace)}/${GRANT_SERVER_CREDENTIALS}`;
    const read = (secret?: { data?: Record<string, string> }): TlsCredentials | undefined => {
        const field = (name: string) => Buffer.from(secret?.data?.[name] ?? "", "base64").toString();
        const credentials = { ca: field("ca.crt"), cert: field("tls.crt"), key: field("tls.key") };
        return credentials.ca && credentials.cert && credentials.key ? credentials : undefined;
    };
    const stored = read(await kube.find(path));
    if (stored) return stored;
    const issued = issueCertificate("skupper-grant-server", ["127.0.0.1", "localhost"]);
    const base64 = (text: string) => Buffer.from(text).toString("base64");
    await kube.ensure(paths.secrets(namespace), {
        metadata: { name: GRANT_SERVER_CREDENTIALS },
        type: "kubernetes.io/tls",
        data: { "ca.crt": base64(issued.ca), "tls.crt": base64(issued.cert), "tls.key": base64(issued.key) },
    });
    // Another may have stored one first: the stored one is served.
    return read(await kube.get(path)) ?? issued;
}
