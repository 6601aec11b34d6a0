// The shapes the status emulator reads and writes: Kubernetes objects as JSON, one poll
// of the cluster, and the status writes it asks for; plus the few ways of comparing them
// that the controller uses.
import { SkupperKind } from "../../../../provider/constants";

export interface KubeObject {
    metadata: {
        name: string;
        namespace: string;
        uid?: string;
        generation?: number;
        resourceVersion?: string;
        creationTimestamp?: string;
        deletionTimestamp?: string;
        labels?: Record<string, string>;
        annotations?: Record<string, string>;
        ownerReferences?: { apiVersion: string; kind: string; name: string; uid?: string }[];
    };
    spec?: any;
    status?: any;
    data?: Record<string, string>;
}

/** The kinds whose status the model writes (an AccessToken's is written after its redemption, redeemer.ts). */
export type EmulatedKind = Extract<
    SkupperKind,
    "Site" | "AttachedConnector" | "AttachedConnectorBinding" | "Listener" | "AccessGrant" | "Link"
>;

/** The kinds whose changes reach the controller as events. */
export type WatchedKind = EmulatedKind | "AccessToken" | "Pod" | "ConfigMap" | "Service";

/** One poll of the cluster. */
export interface ClusterSnapshot {
    sites: KubeObject[];
    connectors: KubeObject[];
    bindings: KubeObject[];
    listeners: KubeObject[];
    pods: KubeObject[];
    /** The ConfigMaps named skupper-network-status, in every namespace. */
    networkStatus: KubeObject[];
    grants?: KubeObject[];
    tokens?: KubeObject[];
    links?: KubeObject[];
    /** The Services of the Sites' link access (linkAccess.ts), in every namespace. */
    services?: KubeObject[];
    /**
     * Each list's own metadata.resourceVersion. An object missing from a list was deleted
     * at that revision at the latest, which is where its deletion is handled.
     */
    revisions?: Partial<Record<WatchedKind, string>>;
    now: string;
}

/** A status to PUT: the object as listed (its resourceVersion included), carrying the new status. */
export interface StatusWrite {
    kind: EmulatedKind;
    object: KubeObject;
}

/** Each watched kind's list in a snapshot. */
const SNAPSHOT_LISTS = {
    Site: "sites",
    AttachedConnector: "connectors",
    AttachedConnectorBinding: "bindings",
    Listener: "listeners",
    Pod: "pods",
    ConfigMap: "networkStatus",
    AccessGrant: "grants",
    AccessToken: "tokens",
    Link: "links",
    Service: "services",
} as const satisfies Record<WatchedKind, keyof ClusterSnapshot>;

export const WATCHED_KINDS = Object.keys(SNAPSHOT_LISTS) as WatchedKind[];

/** Every object of a snapshot with its kind. */
export function snapshotObjects(snapshot: ClusterSnapshot): [WatchedKind, KubeObject][] {
    return WATCHED_KINDS.flatMap((kind) =>
        (snapshot[SNAPSHOT_LISTS[kind]] ?? []).map((object): [WatchedKind, KubeObject] => [kind, object]),
    );
}

/** The owner reference to a Site, which Skupper puts on what it makes for the Site (its garbage goes with it). */
export function siteOwnerReference(site: KubeObject) {
    return { apiVersion: "skupper.io/v2alpha1", kind: "Site", name: site.metadata.name, uid: site.metadata.uid };
}

/** namespace/name, the key the controller's queue and caches use. */
export function keyOf(object: KubeObject): string {
    return `${object.metadata.namespace}/${object.metadata.name}`;
}

export function splitKey(key: string): { namespace: string; name: string } {
    const slash = key.indexOf("/");
    return { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
}

/** "<Kind> namespace/name": one object among all the kinds. */
export function idOf(kind: WatchedKind, key: string): string {
    return `${kind} ${key}`;
}

export function clone<T>(value: T): T {
    return JSON.parse(JSON.stringify(value));
}

/** JSON with the keys of every object sorted, so that two equal values compare equal as strings. */
export function canonical(value: unknown): string {
    if (Array.isArray(value)) {
        return `[${value.map(canonical).join(",")}]`;
    }
    if (value && typeof value === "object") {
        const entries = Object.keys(value)
            .sort()
            .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`);
        return `{${entries.join(",")}}`;
    }
    return JSON.stringify(value ?? null);
}

/** What identifies one state of an object: a list item and the answer to a PUT compare equal. */
export function fingerprint(object: KubeObject): string {
    return JSON.stringify({ metadata: object.metadata, spec: object.spec, status: object.status, data: object.data });
}

/**
 * Whether two specs are equal as the controller's typed structs are: a top-level field
 * set to its zero value (false, 0, "") is the same as an absent one. Maps and lists are
 * compared as they are (an empty map is not an absent one).
 */
export function sameSpec(a: unknown, b: unknown): boolean {
    return canonical(withoutZeroFields(a)) === canonical(withoutZeroFields(b));
}

function withoutZeroFields(spec: unknown): unknown {
    if (!spec || typeof spec !== "object") return {};
    const fields = Object.entries(spec as Record<string, unknown>);
    const set = fields.filter(([, value]) => value !== false && value !== 0 && value !== "" && value !== null);
    return Object.fromEntries(set);
}

/** A string field as a typed struct reads it: absent is "". */
export function text(value: unknown): string {
    return typeof value === "string" ? value : "";
}

/** etcd's revision of the object, for ordering (0 when it has none). */
export function revisionOf(object: KubeObject): bigint {
    return revision(object.metadata.resourceVersion);
}

export function revision(resourceVersion: string | undefined): bigint {
    return resourceVersion && /^\d+$/.test(resourceVersion) ? BigInt(resourceVersion) : 0n;
}
