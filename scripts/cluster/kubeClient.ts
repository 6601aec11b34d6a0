// A small Kubernetes REST client (bearer token over HTTPS): enough for the control
// plane's health checks, the test fixtures and the tests' own look at live objects.
import * as https from "node:https";

export interface KubeAccess {
    server: string;
    token: string;
    /** PEM of the CA that signed the API server's certificate. */
    ca: string;
}

export class KubeError extends Error {
    constructor(public readonly status: number, message: string) {
        super(message);
    }
}

export class KubeClient {
    constructor(private readonly access: KubeAccess) {}

    request<T = any>(method: string, path: string, body?: unknown, contentType = "application/json"): Promise<T> {
        const url = new URL(path, this.access.server);
        const payload = body === undefined ? undefined : JSON.stringify(body);
        return new Promise((resolve, reject) => {
            const req = https.request(url, {
                method,
                ca: this.access.ca,
                headers: {
                    Authorization: `Bearer ${this.access.token}`,
                    Accept: "application/json",
                    ...(payload ? { "Content-Type": contentType, "Content-Length": Buffer.byteLength(payload) } : {}),
                },
                timeout: 15000,
            }, (res) => {
                let text = "";
                res.setEncoding("utf8");
                res.on("data", (chunk) => (text += chunk));
                res.on("end", () => {
                    const status = res.statusCode ?? 0;
                    if (status >= 200 && status < 300) {
                        resolve((text && res.headers["content-type"]?.includes("json") ? JSON.parse(text) : text) as T);
                    } else {
                        reject(new KubeError(status, `${method} ${path}: ${status} ${text.slice(0, 500)}`));
                    }
                });
            });
            req.on("timeout", () => req.destroy(new Error(`${method} ${path}: timed out`)));
            req.on("error", reject);
            if (payload) req.write(payload);
            req.end();
        });
    }

    get<T = any>(path: string): Promise<T> {
        return this.request<T>("GET", path);
    }

    /** The object at path, or undefined when it does not exist. */
    async find<T = any>(path: string): Promise<T | undefined> {
        try {
            return await this.get<T>(path);
        } catch (e) {
            if (e instanceof KubeError && e.status === 404) return undefined;
            throw e;
        }
    }

    create<T = any>(collectionPath: string, object: unknown): Promise<T> {
        return this.request<T>("POST", collectionPath, object);
    }

    /** Creates the object, or leaves it be when it exists already. */
    async ensure(collectionPath: string, object: { metadata: { name: string } }): Promise<void> {
        try {
            await this.create(collectionPath, object);
        } catch (e) {
            if (!(e instanceof KubeError && e.status === 409)) throw e;
        }
    }

    mergePatch<T = any>(path: string, patch: unknown): Promise<T> {
        return this.request<T>("PATCH", path, patch, "application/merge-patch+json");
    }

    delete(path: string): Promise<unknown> {
        return this.request("DELETE", path);
    }
}

/** Paths of the objects the tests and fixtures use. */
export const paths = {
    namespaces: "/api/v1/namespaces",
    namespace: (ns: string) => `/api/v1/namespaces/${ns}`,
    pods: (ns: string) => `/api/v1/namespaces/${ns}/pods`,
    configMaps: (ns: string) => `/api/v1/namespaces/${ns}/configmaps`,
    serviceAccount: (ns: string, name: string) => `/api/v1/namespaces/${ns}/serviceaccounts/${name}`,
    skupper: (ns: string, plural: string, name = "") => `/apis/skupper.io/v2alpha1/namespaces/${ns}/${plural}${name ? `/${name}` : ""}`,
    crds: "/apis/apiextensions.k8s.io/v1/customresourcedefinitions",
};
