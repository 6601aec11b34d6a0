// A small Kubernetes REST client over the component's own request function: enough for
// the control plane's health checks, the test doubles, the fixtures and the tests' own
// look at live objects.
import { KubeAccess, KubeError, kubeRequest } from "../../../provider/diagnosis/kubeAccess";
import { SKUPPER_API_VERSION, SkupperKind, skupperKinds } from "../../../provider/constants";

export { KubeAccess, KubeError };

export class KubeClient {
    constructor(private readonly access: KubeAccess) {}

    request<T = any>(method: string, path: string, body?: unknown, contentType = "application/json"): Promise<T> {
        return kubeRequest<T>(this.access, method, path, body, contentType);
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
