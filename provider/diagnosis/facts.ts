// What the cluster says about a half that did not become ready: the half, its partner,
// the Sites of the site namespace and the pods of the workload namespace. Each is read
// on its own; one that cannot be read (no rights, say) is left out of the explanation.
import { SKUPPER_API_VERSION } from "../constants";
import { halves, HalfKind } from "../halves";
import { SkupperStatus } from "../crds";
import { KubeAccess, KubeError, kubeGet } from "./kubeAccess";

export interface HalfObject {
    metadata?: { name?: string; namespace?: string; generation?: number };
    spec?: {
        routingKey?: string;
        connectorNamespace?: string;
        siteNamespace?: string;
        selector?: string;
        includeNotReadyPods?: boolean;
    };
    status?: SkupperStatus & { hasMatchingListener?: boolean };
}

export interface PodFacts {
    name: string;
    labels: Record<string, string>;
    phase: string;
    ready: boolean;
    deleting: boolean;
}

export interface SiteFacts {
    name: string;
    status?: SkupperStatus;
}

export interface Facts {
    kind: HalfKind;
    namespace: string;
    name: string;
    /** What the half waited for, e.g. `condition=Configured`. */
    waitFor: string;
    /** The half; undefined when it does not exist. */
    object: HalfObject | undefined;
    /** The other half: null when it does not exist, undefined when it could not be looked up. */
    partner?: HalfObject | null;
    /** The Sites of the site namespace, when they could be listed. */
    sites?: SiteFacts[];
    /** The pods of the workload namespace, and those the connector's selector matches. */
    pods?: { all: PodFacts[]; matching: PodFacts[] };
}

interface List<T> {
    items: T[];
}

interface Pod {
    metadata: { name: string; labels?: Record<string, string>; deletionTimestamp?: string };
    status?: { phase?: string; conditions?: { type: string; status: string }[] };
}

/** Reads what the explanation needs. Rejects only when the half itself cannot be read. */
export async function gatherFacts(
    access: KubeAccess,
    kind: HalfKind,
    namespace: string,
    name: string,
    waitFor: string,
): Promise<Facts> {
    const get = <T>(path: string) => kubeGet<T>(access, path);
    const half = (k: HalfKind, ns: string) =>
        get<HalfObject>(`/apis/${SKUPPER_API_VERSION}/namespaces/${ns}/${halves[k].plural}/${name}`).catch(notFound);
    const optional = <T>(read: Promise<T>) => read.catch(() => undefined);

    const object = await half(kind, namespace);
    const facts: Facts = { kind, namespace, name, waitFor, object };
    const partnerNamespace = object?.spec?.[halves[kind].partnerNamespaceField];
    if (!object || !partnerNamespace) return facts;
    facts.partner = await optional(half(halves[kind].partner, partnerNamespace).then((o) => o ?? null));

    const connector = kind === "AttachedConnector" ? object : facts.partner;
    const siteNamespace = kind === "AttachedConnector" ? partnerNamespace : namespace;
    const connectorNamespace = kind === "AttachedConnector" ? namespace : partnerNamespace;
    const sites = await optional(
        get<List<SiteFacts & { metadata: { name: string } }>>(
            `/apis/${SKUPPER_API_VERSION}/namespaces/${siteNamespace}/sites`,
        ),
    );
    facts.sites = sites?.items.map((s) => ({ name: s.metadata.name, status: s.status }));
    const selector = connector?.spec?.selector;
    if (selector) {
        const pods = `/api/v1/namespaces/${connectorNamespace}/pods`;
        const all = await optional(get<List<Pod>>(`${pods}?limit=500`));
        const matching = await optional(get<List<Pod>>(`${pods}?labelSelector=${encodeURIComponent(selector)}`));
        if (all && matching) facts.pods = { all: all.items.map(podFacts), matching: matching.items.map(podFacts) };
    }
    return facts;
}

function notFound(e: unknown): undefined {
    if (e instanceof KubeError && e.status === 404) return undefined;
    throw e;
}

function podFacts(pod: Pod): PodFacts {
    return {
        name: pod.metadata.name,
        labels: pod.metadata.labels ?? {},
        phase: pod.status?.phase ?? "Unknown",
        ready: pod.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True") ?? false,
        deleting: pod.metadata.deletionTimestamp !== undefined,
    };
}
