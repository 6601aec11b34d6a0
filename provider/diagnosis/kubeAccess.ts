// Reaching a cluster the way the Kubernetes provider's default configuration does (the
// stack's kubernetes:kubeconfig and kubernetes:context, else KUBECONFIG, else
// ~/.kube/config), and GETs over HTTPS with a token or a client certificate: what the
// diagnosis reads of a half that did not become ready. Kubeconfigs that authenticate
// through exec or auth-provider plugins are not supported.
import * as fs from "node:fs";
import * as https from "node:https";
import * as os from "node:os";
import * as path from "node:path";
import { load } from "js-yaml";

export interface KubeAccess {
    server: string;
    /** PEM of the CA that signed the API server's certificate; none means the system's. */
    ca?: string;
    token?: string;
    /** PEM of a client certificate and its key. */
    cert?: string;
    key?: string;
    insecureSkipTlsVerify?: boolean;
}

export class KubeError extends Error {
    constructor(
        public readonly status: number,
        message: string,
    ) {
        super(message);
    }
}

interface Kubeconfig {
    "current-context"?: string;
    contexts?: { name: string; context: { cluster: string; user: string } }[];
    clusters?: { name: string; cluster: Record<string, string | boolean | undefined> }[];
    users?: { name: string; user: Record<string, unknown> }[];
}

/** The access of a kubeconfig's current context, or of the named one. `text` is the file's content; `dir` resolves relative file references. */
export function parseKubeconfig(text: string, dir: string, contextName?: string): KubeAccess {
    const config = (load(text) ?? {}) as Kubeconfig;
    const name = contextName || config["current-context"];
    const context = config.contexts?.find((c) => c.name === name)?.context;
    if (!context) throw new Error(`kubeconfig: no context ${name ? `'${name}'` : "is current"}`);
    const cluster = config.clusters?.find((c) => c.name === context.cluster)?.cluster;
    const user = config.users?.find((u) => u.name === context.user)?.user ?? {};
    if (!cluster || typeof cluster.server !== "string")
        throw new Error(`kubeconfig: context '${name}' has no cluster server`);
    if (user.exec || user["auth-provider"])
        throw new Error(`kubeconfig: context '${name}' authenticates with a plugin`);
    const inline = (data: unknown, file: unknown) =>
        typeof data === "string"
            ? Buffer.from(data, "base64").toString("utf8")
            : typeof file === "string"
              ? fs.readFileSync(path.resolve(dir, file), "utf8")
              : undefined;
    return {
        server: cluster.server,
        ca: inline(cluster["certificate-authority-data"], cluster["certificate-authority"]),
        insecureSkipTlsVerify: cluster["insecure-skip-tls-verify"] === true,
        token:
            typeof user.token === "string"
                ? user.token
                : typeof user.tokenFile === "string"
                  ? fs.readFileSync(path.resolve(dir, user.tokenFile), "utf8").trim()
                  : undefined,
        cert: inline(user["client-certificate-data"], user["client-certificate"]),
        key: inline(user["client-key-data"], user["client-key"]),
    };
}

export function readKubeconfig(file: string, contextName?: string): KubeAccess {
    return parseKubeconfig(fs.readFileSync(file, "utf8"), path.dirname(path.resolve(file)), contextName);
}

/** The default provider's cluster: `kubeconfig` is the stack's kubernetes:kubeconfig (a path or the content), if set. */
export function defaultAccess(
    kubeconfig: string | undefined,
    context: string | undefined,
    env: NodeJS.ProcessEnv = process.env,
): KubeAccess {
    if (
        kubeconfig &&
        kubeconfig.trimStart().match(/^(\{|apiVersion:|kind:|clusters:|contexts:|current-context:|users:)/m)
    ) {
        return parseKubeconfig(kubeconfig, process.cwd(), context);
    }
    const file =
        kubeconfig ??
        env.KUBECONFIG?.split(path.delimiter).find((f) => f && fs.existsSync(f)) ??
        path.join(os.homedir(), ".kube", "config");
    return readKubeconfig(file, context);
}

/** The TLS settings and credentials of a request to the API server, for https.request. */
export function requestOptions(
    access: KubeAccess,
    headers: Record<string, string | number> = {},
): https.RequestOptions {
    return {
        ca: access.ca,
        cert: access.cert,
        key: access.key,
        rejectUnauthorized: !access.insecureSkipTlsVerify,
        headers: {
            ...(access.token ? { Authorization: `Bearer ${access.token}` } : {}),
            Accept: "application/json",
            ...headers,
        },
    };
}

/** GETs one path of the API server; resolves with the parsed JSON body, rejects with a KubeError. */
export function kubeGet<T = any>(access: KubeAccess, apiPath: string): Promise<T> {
    return new Promise((resolve, reject) => {
        const req = https.request(
            new URL(apiPath, access.server),
            { ...requestOptions(access), method: "GET", timeout: 15000 },
            (res) => {
                let text = "";
                res.setEncoding("utf8");
                res.on("data", (chunk) => (text += chunk));
                res.on("end", () => {
                    const status = res.statusCode ?? 0;
                    if (status >= 200 && status < 300) resolve(JSON.parse(text) as T);
                    else reject(new KubeError(status, `GET ${apiPath}: ${status} ${text.slice(0, 500)}`));
                });
            },
        );
        req.on("timeout", () => req.destroy(new Error(`GET ${apiPath}: timed out`)));
        req.on("error", reject);
        req.end();
    });
}
