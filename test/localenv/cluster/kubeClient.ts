// A small Kubernetes REST client: enough for the control plane's health checks, the test
// doubles, the fixtures and the tests' own look at live objects. It reads and writes; the
// package itself only reads (provider/diagnosis/kubeAccess.ts), with the same TLS and
// credentials.
import * as https from "node:https";
import { KubeAccess, KubeError, requestOptions } from "../../../provider/diagnosis/kubeAccess";
import { SKUPPER_API_VERSION, SkupperKind, skupperKinds } from "../../../provider/constants";

export { KubeAccess, KubeError };

export class KubeClient {
    constructor(private readonly access: KubeAccess) {}

    /** One request; resolves with the body (parsed when JSON), rejects with a KubeError. */
    request<T = any>(method: string, path: string, body?: unknown, contentType = "application/json"): Promise<T> {
        const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
        const headers: Record<string, string | number> = payload
            ? { "Content-Type": contentType, "Content-Length": payload.length }
            : {};
        const options = { ...requestOptions(this.access, headers), method, timeout: 15000 };
        return new Promise<T>((resolve, reject) => {
            const req = https.request(new URL(path, this.access.server), options, (res) => {
                const chunks: Buffer[] = [];
                res.on("data", (chunk: Buffer) => chunks.push(chunk));
                res.on("end", () => {
                    const text = Buffer.concat(chunks).toString("utf8");
                    const ok = (res.statusCode ?? 0) >= 200 && (res.statusCode ?? 0) < 300;
                    if (!ok)
                        return reject(
                            new KubeError(
                                res.statusCode ?? 0,
                                `${method} ${path}: ${res.statusCode} ${text.slice(0, 500)}`,
                            ),
                        );
                    resolve((text && res.headers["content-type"]?.includes("json") ? JSON.parse(text) : text) as T);
                });
            });
            req.on("timeout", () => req.destroy(new Error(`${method} ${path}: timed out`)));
            req.on("error", reject);
            req.end(payload);
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
    async ensure(
        collectionPath: string,
        object: { metadata: { name: string; [field: string]: unknown }; [field: string]: unknown },
    ): Promise<void> {
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
    secrets: (ns: string) => `/api/v1/namespaces/${ns}/secrets`,
    serviceAccount: (ns: string, name: string) => `/api/v1/namespaces/${ns}/serviceaccounts/${name}`,
    skupper: (ns: string, kind: SkupperKind, name = "") =>
        `/apis/${SKUPPER_API_VERSION}/namespaces/${ns}/${skupperKinds[kind].plural}${name ? `/${name}` : ""}`,
    /** Every object of a Skupper kind, in all namespaces. */
    skupperAll: (kind: SkupperKind) => `/apis/${SKUPPER_API_VERSION}/${skupperKinds[kind].plural}`,
    crds: "/apis/apiextensions.k8s.io/v1/customresourcedefinitions",
};
