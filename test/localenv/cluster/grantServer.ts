// The grant server of a cluster's Skupper controller, which answers the redemption of an
// AccessToken made in another cluster from an AccessGrant of this one. Skupper 2.2.1's
// controller serves it when SKUPPER_ENABLE_GRANTS is set, on every interface at
// SKUPPER_GRANT_SERVER_PORT, and writes `https://<base URL>/<grant uid>` into each grant.
// In a cluster it makes its own TLS certificate only from its pod (autoconfigure); run out
// of cluster it takes the Secret named by SKUPPER_GRANT_SERVER_TLS_CREDENTIALS as it is,
// so the environment asks the controller's certificate manager for one, through two
// Skupper Certificates.
import * as https from "node:https";
import { SKUPPER_API_VERSION } from "../../../provider/constants";
import { KubeClient, paths } from "./kubeClient";
import { freePort, waitFor } from "./processes";

/** The Secret (and the Certificate that makes it) the grant server serves with. */
export const GRANT_SERVER_CREDENTIALS = "skupper-grant-server";
const GRANT_SERVER_CA = "skupper-grant-server-ca";

export interface GrantServer {
    port: number;
    /** Where the other cluster's controller reaches it: a loopback address and the port. */
    baseUrl: string;
}

export async function allocateGrantServer(): Promise<GrantServer> {
    const port = await freePort();
    return { port, baseUrl: `127.0.0.1:${port}` };
}

/** The controller's environment that serves grants. */
export function grantServerEnv(server: GrantServer): Record<string, string> {
    return {
        SKUPPER_ENABLE_GRANTS: "true",
        SKUPPER_GRANT_SERVER_PORT: String(server.port),
        SKUPPER_GRANT_SERVER_BASE_URL: server.baseUrl,
        SKUPPER_GRANT_SERVER_TLS_CREDENTIALS: GRANT_SERVER_CREDENTIALS,
    };
}

/** The two Certificates: a CA, and the server's certificate for the loopback address, which the controller signs and stores as Secrets. */
export async function requestGrantServerCertificate(kube: KubeClient, namespace: string): Promise<void> {
    const certificates = `/apis/${SKUPPER_API_VERSION}/namespaces/${namespace}/certificates`;
    const certificate = (name: string, spec: Record<string, unknown>) => ({
        apiVersion: SKUPPER_API_VERSION,
        kind: "Certificate",
        metadata: { name },
        spec,
    });
    await kube.ensure(
        certificates,
        certificate(GRANT_SERVER_CA, { ca: "", subject: "skupper-pulumi local grant server CA", signing: true }),
    );
    await kube.ensure(
        certificates,
        certificate(GRANT_SERVER_CREDENTIALS, {
            ca: GRANT_SERVER_CA,
            subject: "skupper-grant-server",
            hosts: ["127.0.0.1", "localhost"],
            server: true,
        }),
    );
}

/**
 * Ready once the controller has stored the certificate and serves with it: a redemption
 * of no grant, over TLS checked against the Secret's CA, gets Skupper's "No such claim".
 */
export async function waitForGrantServer(
    kube: KubeClient,
    namespace: string,
    server: GrantServer,
    started?: Parameters<typeof waitFor>[3],
): Promise<void> {
    await waitFor(
        "the grant server",
        async () => {
            const secret = await kube.find<{ data?: Record<string, string> }>(
                `${paths.secrets(namespace)}/${GRANT_SERVER_CREDENTIALS}`,
            );
            const ca = secret?.data?.["ca.crt"];
            if (!ca) return undefined;
            const answer = await redeem(server, Buffer.from(ca, "base64").toString(), "no-such-grant", "");
            return answer.status === 404 ? true : undefined;
        },
        60000,
        started,
    );
}

/** A redemption as Skupper's controller sends it: POST the code to the grant's URL; the answer's status and body. */
export function redeem(
    server: GrantServer,
    ca: string,
    grantUid: string,
    code: string,
): Promise<{ status: number; body: string }> {
    return new Promise((resolve) => {
        const req = https.request(
            `https://${server.baseUrl}/${grantUid}`,
            { method: "POST", ca, timeout: 5000, headers: { name: "probe", subject: "probe" } },
            (res) => {
                const chunks: Buffer[] = [];
                res.on("data", (c: Buffer) => chunks.push(c));
                res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
            },
        );
        req.on("error", (e) => resolve({ status: 0, body: e.message }));
        req.on("timeout", () => req.destroy(new Error("timed out")));
        req.end(code);
    });
}
