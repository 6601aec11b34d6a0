// An in-memory API server for the tests of the emulator's I/O (the grant server, the
// redeemer): objects by path, creates, GETs, and PUTs of an object or its status, checked
// against the resourceVersion as the API server checks them.
import { KubeClient, KubeError } from "../../cluster/kubeClient";
import { KubeObject } from "./objects";

export class FakeKube {
    readonly objects = new Map<string, KubeObject>();
    /** Every request made, "METHOD path". */
    readonly requests: string[] = [];
    /** PUTs to refuse with 409 before the next one is let through. */
    conflicts = 0;
    private revision = 100;

    /** Stores an object at its path, as created. */
    put(path: string, object: KubeObject): KubeObject {
        const stored = {
            ...structuredClone(object),
            metadata: { ...object.metadata, resourceVersion: String(++this.revision) },
        };
        this.objects.set(path, stored);
        return stored;
    }

    readonly kube = {
        find: async (path: string) => {
            this.requests.push(`GET ${path}`);
            return structuredClone(this.objects.get(path));
        },
        get: async (path: string) => {
            this.requests.push(`GET ${path}`);
            const object = this.objects.get(path);
            if (object) return structuredClone(object);
            // A list in all namespaces (its selector is not applied): /apis/apps/v1/deployments.
            const [, prefix, plural] = /^(.*)\/([a-z]+)(\?.*)?$/.exec(path) ?? [];
            const inList = (at: string) => at.startsWith(`${prefix}/namespaces/`) && at.split("/").at(-2) === plural;
            const items = [...this.objects].filter(([at]) => inList(at)).map(([, item]) => item);
            if (!items.length && !path.includes("?")) throw new KubeError(404, `GET ${path}: 404`);
            return structuredClone({ items });
        },
        create: async (collection: string, object: KubeObject) => {
            this.requests.push(`POST ${collection}`);
            const path = `${collection}/${object.metadata.name}`;
            if (this.objects.has(path)) {
                const status = { kind: "Status", message: `"${object.metadata.name}" already exists`, code: 409 };
                throw new KubeError(409, `POST ${collection}: 409 ${JSON.stringify(status)}`);
            }
            return structuredClone(this.put(path, object));
        },
        ensure: async (collection: string, object: KubeObject) => {
            await this.kube.create(collection, object).catch(() => undefined);
        },
        request: async (method: string, path: string, body: KubeObject) => {
            this.requests.push(`${method} ${path}`);
            const target = path.replace(/\/status$/, "");
            const stored = this.objects.get(target);
            if (!stored) throw new KubeError(404, `${method} ${path}: 404`);
            if (this.conflicts > 0 || body.metadata.resourceVersion !== stored.metadata.resourceVersion) {
                this.conflicts = Math.max(0, this.conflicts - 1);
                throw new KubeError(409, `${method} ${path}: 409 the object has been modified`);
            }
            const updated = path.endsWith("/status")
                ? { ...stored, status: body.status }
                : { ...body, status: stored.status };
            return structuredClone(this.put(target, updated));
        },
    } as unknown as KubeClient;
}
