// The Services Skupper creates for Listeners. In a namespace whose Site the controller has
// taken up, each host of its accepted Listeners gets a Service of that name, owned by the
// Site, selecting the router's pods, with one port per Listener, named after the Listener.
// The API server checks both names: a Service it refuses is only logged, as Skupper logs
// it, and the Listener stays Configured. A listener Service whose host no Listener
// exposes any more is deleted. The target port stands in for the router port Skupper
// allocates (no router runs here).
import { KubeObject, siteOwnerReference, text } from "./objects";

export const LISTENER_LABEL = "internal.skupper.io/listener";
export const CONTROLLED_ANNOTATION = "internal.skupper.io/controlled";
const ROUTER_LABELS = { application: "skupper-router", "skupper.io/component": "router" };

/** A namespace the controller has a Site for, with its accepted Listeners. */
export interface ExposingNamespace {
    namespace: string;
    site: KubeObject;
    listeners: KubeObject[];
}

export interface ServicePlan {
    create: KubeObject[];
    /** Services whose ports are not the Listeners' any more (the object as listed, with the new ports). */
    update: KubeObject[];
    remove: KubeObject[];
}

function port(listener: KubeObject) {
    const number = Number(listener.spec?.port ?? 0);
    return { name: listener.metadata.name, port: number, targetPort: number, protocol: "TCP" };
}

/** The Services the namespaces' Listeners call for, by namespace/name. */
export function wantedServices(namespaces: ExposingNamespace[]): Map<string, KubeObject> {
    const wanted = new Map<string, KubeObject>();
    for (const { namespace, site, listeners } of namespaces) {
        for (const listener of listeners) {
            const host = text(listener.spec?.host);
            const key = `${namespace}/${host}`;
            const service = wanted.get(key) ?? {
                metadata: {
                    name: host,
                    namespace,
                    labels: { [LISTENER_LABEL]: listener.metadata.name },
                    annotations: { [CONTROLLED_ANNOTATION]: "true" },
                    ownerReferences: [siteOwnerReference(site)],
                },
                spec: { selector: ROUTER_LABELS, ports: [] },
            };
            service.spec.ports.push(port(listener));
            wanted.set(key, service);
        }
    }
    return wanted;
}

const portsOf = (service: KubeObject) =>
    JSON.stringify(
        (service.spec?.ports ?? [])
            .map((p: any) => [p.name, p.port, p.protocol ?? "TCP"])
            .sort((a: unknown[], b: unknown[]) => String(a[0]).localeCompare(String(b[0]))),
    );

/** What to change, given the listener Services the cluster holds and the namespaces with a Site. */
export function planServices(
    wanted: Map<string, KubeObject>,
    existing: KubeObject[],
    siteNamespaces: Set<string>,
): ServicePlan {
    const plan: ServicePlan = { create: [], update: [], remove: [] };
    const held = new Map(existing.map((s) => [`${s.metadata.namespace}/${s.metadata.name}`, s]));
    for (const [key, service] of wanted) {
        const current = held.get(key);
        if (!current) plan.create.push(service);
        else if (portsOf(current) !== portsOf(service)) {
            plan.update.push({ ...current, spec: { ...current.spec, ports: service.spec.ports } });
        }
    }
    for (const [key, service] of held) {
        const controlled = service.metadata.annotations?.[CONTROLLED_ANNOTATION];
        if (!wanted.has(key) && controlled && siteNamespaces.has(service.metadata.namespace)) plan.remove.push(service);
    }
    return plan;
}
