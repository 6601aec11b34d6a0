// The controller itself: what it remembers between events, and how each event reaches the
// namespace (or the grants) it concerns. step() takes one poll of the cluster, queues what
// changed since the last poll in the order it happened, handles the queue until it is
// empty (the echoes of its own writes and the first lists of new pod watchers included)
// and returns the statuses to PUT; what else the handlers asked for waits in requests.
// The first poll is the controller starting: it recovers its Sites and Listeners from the
// cluster (recovery.ts), then handles every object as new.
import { Arrival, Change, changesSince, inArrivalOrder, listSnapshot, Seen, seenIn } from "./arrivals";
import { tokenEvent } from "./accessTokens";
import { ClusterView, Listed, Versions } from "./clusterView";
import { Controller, Requests } from "./controller";
import { EventQueue, objectEvent, QueuedEvent } from "./eventQueue";
import { Grants, GrantServerConfig } from "./grants";
import { LINK_ACCESS_SERVICE } from "./linkAccess";
import { ExposingNamespace } from "./listenerServices";
import { readNetworkStatus } from "./network";
import {
    ClusterSnapshot,
    EmulatedKind,
    fingerprint,
    idOf,
    keyOf,
    KubeObject,
    revisionOf,
    splitKey,
    StatusWrite,
    text,
} from "./objects";
import { PodConsumer, PodWatcher, PodWatchers, POD_RESYNC_MS } from "./podWatcher";
import { recover } from "./recovery";
import { RouterPodInformer } from "./routerPods";
import { SiteState } from "./site";

/** The informers of Skupper's own kinds resync every 30 s; those of pods, ConfigMaps and Services every 5 minutes. */
export const SKUPPER_RESYNC_MS = 30 * 1000;
export const CONFIG_MAP_RESYNC_MS = POD_RESYNC_MS;

/** More events than this in one poll means the emulator is going round in circles. */
const MAX_EVENTS_PER_POLL = 100000;

export interface ModelOptions {
    /** Where the grant server serves, and its CA; without it grants are not enabled. */
    grantServer?: GrantServerConfig;
}

export class SkupperControllerModel implements Controller {
    requests = new Requests();
    readonly grants: Grants;
    private readonly sites = new Map<string, SiteState>();
    /** Each AttachedConnector as last handled, by key: where it pointed before a change. */
    private readonly connectors = new Map<string, KubeObject>();
    private readonly podWatchers = new PodWatchers();
    private readonly routerPods = new RouterPodInformer();
    private readonly versions = new Versions();
    private seen = new Map<string, Seen>();
    private queue = new EventQueue();
    private view?: ClusterView;
    private resyncs?: { skupper: number; configMaps: number };

    /** observe: told of every status write as the controller makes it, before they are merged into PUTs. */
    constructor(
        private readonly observe?: (write: StatusWrite) => void,
        options: ModelOptions = {},
    ) {
        this.grants = new Grants(this, options.grantServer);
    }

    get cluster(): ClusterView {
        return this.view!;
    }

    /** Handles one poll's events and returns the statuses to PUT. */
    step(snapshot: ClusterSnapshot): StatusWrite[] {
        const listed = listSnapshot(snapshot);
        const changes = changesSince(this.seen, listed, snapshot);
        for (const change of changes) this.versions.bump(change.id);
        this.queue = new EventQueue();
        this.view = new ClusterView(snapshot.now, listed, this.versions, (kind, object) => this.written(kind, object));
        const time = Date.parse(snapshot.now);
        const starting = !this.resyncs;
        this.resyncs ??= { skupper: time, configMaps: time };
        for (const event of inArrivalOrder(this.arrivals(listed, changes, time))) this.queue.add(event);
        // The informers have listed everything before the controller recovers; the echoes
        // of its recovery's writes come behind.
        if (starting) recover(this.cluster, (namespace) => this.site(namespace), this.siteEvent.bind(this));
        this.drain();
        this.seen = seenIn(listed);
        return this.view.writes();
    }

    /** The object as the API server stored a PUT: the next poll sees no change in it. */
    acknowledge(kind: EmulatedKind, stored: KubeObject): void {
        this.seen.set(idOf(kind, keyOf(stored)), { kind, key: keyOf(stored), fingerprint: fingerprint(stored) });
    }

    /**
     * The PUT did not happen (the object changed or went since it was listed): the next
     * poll takes the object as changed, as the controller retries a handler whose write failed.
     */
    writeFailed(kind: EmulatedKind, object: KubeObject): void {
        this.seen.set(idOf(kind, keyOf(object)), { kind, key: keyOf(object), fingerprint: "" });
    }

    /** What the poll's handlers asked for beyond status writes (controller.ts), once. */
    takeRequests(): Requests {
        const requests = this.requests;
        this.requests = new Requests();
        return requests;
    }

    /** The Site the controller holds for a namespace, if any (the grant server's links name its endpoints). */
    activeSite(namespace: string): KubeObject | undefined {
        return this.sites.get(namespace)?.site;
    }

    /** The namespaces whose Site the controller has taken up, with their accepted Listeners. */
    exposingNamespaces(): ExposingNamespace[] {
        return [...this.sites.values()]
            .filter((state) => state.site && state.initialised)
            .map((state) => ({
                namespace: state.namespace,
                site: state.site!,
                listeners: state.listeners.acceptedListeners(),
            }));
    }

    watchPods(consumer: PodConsumer, namespace: string, selector: string): PodWatcher {
        const time = Date.parse(this.cluster.now);
        const { watcher, firstList } = this.podWatchers.start(consumer, namespace, selector, this.cluster, time);
        for (const event of firstList) this.queue.add(event);
        return watcher;
    }

    stopWatching(watcher: PodWatcher): void {
        this.podWatchers.stop(watcher, this.cluster);
    }

    /** The poll's events: changes and deletions, informers' resyncs, and what the pod watchers see. */
    private arrivals(listed: Map<string, Listed>, changes: Change[], time: number): Arrival[] {
        const changed = new Set(changes.map((change) => change.id));
        const resyncSkupper = this.due("skupper", time, SKUPPER_RESYNC_MS);
        const resyncConfigMaps = this.due("configMaps", time, CONFIG_MAP_RESYNC_MS);
        const arrivals: Arrival[] = [];
        for (const [id, { kind, object }] of listed) {
            if (kind === "Pod") continue; // pods reach the controller through its pod informers
            const resync = kind === "ConfigMap" || kind === "Service" ? resyncConfigMaps : resyncSkupper;
            if (!changed.has(id) && !resync) continue;
            arrivals.push({ position: revisionOf(object), event: objectEvent(kind, keyOf(object)) });
        }
        for (const change of changes) {
            if (change.object || change.kind === "Pod") continue;
            arrivals.push({ position: change.position, event: objectEvent(change.kind, change.key) });
        }
        arrivals.push(...this.podWatchers.arrivals(changes, this.cluster, time));
        arrivals.push(...this.routerPods.arrivals(changes, this.cluster, time));
        return arrivals;
    }

    private due(informers: "skupper" | "configMaps", time: number, period: number): boolean {
        if (time - this.resyncs![informers] < period) return false;
        this.resyncs![informers] = time;
        return true;
    }

    private written(kind: EmulatedKind, object: KubeObject): void {
        this.queue.add(objectEvent(kind, keyOf(object))); // the write's echo
        this.observe?.({ kind, object: JSON.parse(JSON.stringify(object)) });
    }

    private site(namespace: string): SiteState {
        let site = this.sites.get(namespace);
        if (!site) {
            site = new SiteState(namespace, this);
            this.sites.set(namespace, site);
        }
        return site;
    }

    private drain(): void {
        let handled = 0;
        for (let event = this.queue.next(); event; event = this.queue.next()) {
            if (++handled > MAX_EVENTS_PER_POLL) throw new Error("the emulator did not settle within one poll");
            if (this.handle(event)) this.queue.done(event);
            else this.queue.retry(event);
        }
    }

    /** Handles one event with the object as the cache holds it now. False when it is to be retried. */
    private handle(event: QueuedEvent): boolean {
        const { namespace, name } = splitKey(event.key);
        if (event.kind === "Pod") {
            if (event.watcher) return event.watcher.report(this.cluster);
            return this.site(namespace).routerPodEvent(event.key, this.routerPods.read(this.cluster, event.key));
        }
        const object = this.cluster.read(event.kind, event.key);
        switch (event.kind) {
            case "Site":
                this.siteEvent(namespace, name, object);
                return true;
            case "AttachedConnector":
                return this.connectorEvent(event.key, object);
            case "AttachedConnectorBinding":
                return this.site(namespace).connectors.bindingChanged(name, object);
            case "Listener": {
                const site = this.site(namespace);
                return site.listeners.check(name, object, site.site !== undefined);
            }
            case "ConfigMap": {
                const records = object && readNetworkStatus(object);
                return records ? this.site(namespace).networkUpdated(records) : true;
            }
            case "Service":
                return name === LINK_ACCESS_SERVICE ? (this.sites.get(namespace)?.updateResolved() ?? true) : true;
            case "AccessGrant":
                return this.grants.check(event.key, object);
            case "AccessToken":
                return tokenEvent(object, this.sites.get(namespace)?.site, this.requests);
            case "Link": {
                const site = this.site(namespace);
                return site.links.check(name, object, site.initialised);
            }
        }
    }

    private siteEvent(namespace: string, name: string, site: KubeObject | undefined): void {
        if (site) {
            this.site(namespace).reconcile(site);
            return;
        }
        const state = this.sites.get(namespace);
        if (state?.site?.metadata.name !== name) return;
        state.deleted();
        this.sites.delete(namespace);
    }

    private connectorEvent(key: string, connector: KubeObject | undefined): boolean {
        const previous = this.connectors.get(key);
        if (!connector) {
            if (!previous) return true;
            this.connectors.delete(key);
            const site = this.site(text(previous.spec?.siteNamespace));
            return site.connectors.connectorDeleted(previous.metadata.namespace, previous.metadata.name);
        }
        const siteNamespace = text(connector.spec?.siteNamespace);
        if (previous && text(previous.spec?.siteNamespace) !== siteNamespace) {
            // A failure to update the site namespace it left is only logged.
            this.site(text(previous.spec?.siteNamespace)).connectors.connectorUnreferenced(previous);
        }
        this.connectors.set(key, connector);
        return this.site(siteNamespace).connectors.connectorUpdated(connector);
    }
}
