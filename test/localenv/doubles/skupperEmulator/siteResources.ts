// What Skupper's controller makes in the namespace of each Site it takes up, beyond
// statuses, as far as it can be seen here: the router Deployment `skupper-router` (kwok
// runs its pod; its events make the Site Running, routerPods.ts) and, with link access,
// the link access Service (linkAccess.ts). Both are owned by the Site, so they go with
// it. They are created when missing and otherwise left alone; a create the API server
// refuses is logged and not tried again until what is wanted changes. No router runs in
// the pod: the images are only the names Skupper 2.2.1 uses, and the ServiceAccount,
// Roles, ConfigMaps and certificate Secrets Skupper also makes are left out.
import { KubeClient } from "../../cluster/kubeClient";
import { linkAccessService, ROUTER_GROUP, SECURED_ACCESS_LABEL } from "./linkAccess";
import { ExposingNamespace } from "./listenerServices";
import { KubeObject, siteOwnerReference } from "./objects";

export const ROUTER_DEPLOYMENT = "skupper-router";
const ROUTER_LABELS = {
    "app.kubernetes.io/name": "skupper-router",
    "app.kubernetes.io/part-of": "skupper",
    application: "skupper-router",
    "skupper.io/component": "router",
    "skupper.io/type": "site",
};
const DEPLOYMENTS = "/apis/apps/v1/deployments?labelSelector=skupper.io%2Fcomponent%3Drouter";
const LINK_ACCESS_SERVICES = `/api/v1/services?labelSelector=${encodeURIComponent(SECURED_ACCESS_LABEL)}`;

const port = (name: string, containerPort: number) => ({ name, containerPort, protocol: "TCP" });

/** The router Deployment of a Site, as Skupper 2.2.1's template has it, less what only a real pod would use. */
export function routerDeployment(site: KubeObject): KubeObject {
    const labels = { ...ROUTER_LABELS, "skupper.io/group": ROUTER_GROUP };
    return {
        metadata: {
            name: ROUTER_DEPLOYMENT,
            namespace: site.metadata.namespace,
            labels: ROUTER_LABELS,
            ownerReferences: [siteOwnerReference(site)],
        },
        spec: {
            replicas: 1,
            selector: { matchLabels: { "skupper.io/component": "router" } },
            template: {
                metadata: { labels },
                spec: {
                    containers: [
                        {
                            name: "router",
                            image: "quay.io/skupper/skupper-router:3.5.1",
                            ports: [
                                port("amqps", 5671),
                                port("http", 9090),
                                port("inter-router", 55671),
                                port("edge", 45671),
                            ],
                        },
                        {
                            name: "kube-adaptor",
                            image: "quay.io/skupper/kube-adaptor:2.2.1",
                            ports: [port("metrics", 9000)],
                        },
                    ],
                },
            },
        },
    };
}

/** The Deployments and Services the namespaces' Sites call for. */
export function wantedSiteResources(namespaces: ExposingNamespace[]): {
    deployments: KubeObject[];
    services: KubeObject[];
} {
    const sites = namespaces.map((namespace) => namespace.site);
    return {
        deployments: sites.map(routerDeployment),
        services: sites.flatMap((site) => linkAccessService(site) ?? []),
    };
}

const keyOf = (object: KubeObject) => `${object.metadata.namespace}/${object.metadata.name}`;

/**
 * Creates each wanted object that the list at `listPath` lacks, in its namespace's
 * `collection`. A create the API server refuses (a namespace being deleted, say) is
 * logged and kept in `refused`, and not tried again while the object wanted is the same.
 */
export async function createMissing(
    kube: KubeClient,
    wanted: KubeObject[],
    listed: KubeObject[],
    collection: (namespace: string) => string,
    refused: Map<string, string>,
    kind: string,
): Promise<void> {
    const held = new Set(listed.map(keyOf));
    for (const object of wanted) {
        const key = `${kind} ${keyOf(object)}`;
        if (held.has(keyOf(object)) || refused.get(key) === JSON.stringify(object)) continue;
        try {
            await kube.create(collection(object.metadata.namespace), object);
            refused.delete(key);
            console.log(`[skupper-emulator] created ${key}`);
        } catch (e) {
            refused.set(key, JSON.stringify(object));
            console.error(`[skupper-emulator] error creating ${key}: ${(e as Error).message}`);
        }
    }
}

/** How often what exists is checked again while what is wanted stays the same (Skupper: at each resync). */
export const RECHECK_MS = 10000;

/**
 * The router Deployments and link access Services of the namespaces whose Site the
 * controller took up: created at once when what is wanted changes, and otherwise looked
 * for every RECHECK_MS (one made missing meanwhile is made again then).
 */
export class SiteResources {
    private last = { wanted: "", at: 0 };
    private readonly refused = new Map<string, string>();

    constructor(private readonly kube: KubeClient) {}

    async sync(namespaces: ExposingNamespace[], now = Date.now()): Promise<void> {
        const { deployments, services } = wantedSiteResources(namespaces);
        const wanted = JSON.stringify([deployments, services]);
        if (wanted === this.last.wanted && now - this.last.at < RECHECK_MS) return;
        const listed = async (path: string) => (await this.kube.get<{ items?: KubeObject[] }>(path)).items ?? [];
        const collection = (group: string, plural: string) => (namespace: string) =>
            `${group}/namespaces/${namespace}/${plural}`;
        const [kube, refused] = [this.kube, this.refused];
        const apps = collection("/apis/apps/v1", "deployments");
        await createMissing(kube, deployments, await listed(DEPLOYMENTS), apps, refused, "Deployment");
        const core = collection("/api/v1", "services");
        await createMissing(kube, services, await listed(LINK_ACCESS_SERVICES), core, refused, "Service");
        this.last = { wanted, at: now };
    }
}
