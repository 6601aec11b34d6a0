// One namespace as the controller keeps it: the active Site (the first one it handled
// there; any other Site in the namespace is told that one exists), and what hangs off
// it: the attached connectors pointing at the namespace, its Listeners, its Links and
// its router pods. A Site is initialised the first time it is handled (unless its link
// access is one Skupper refuses); it is Configured then, Running once a router pod runs
// (routerPods.ts) and, with link access, Resolved once its Service has an address
// (linkAccess.ts). It also carries the network read from the namespace's
// skupper-network-status ConfigMap: a report that shows the same network as the Site's
// status.network already does changes nothing.
import { AttachedConnectors } from "./attachedConnectors";
import { setCondition, setConfigured, setReady, siteRequires } from "./conditions";
import { Controller } from "./controller";
import {
    endpointsOf,
    LINK_ACCESS_SERVICE,
    linkAccessRequired,
    setEndpoints,
    unsupportedLinkAccess,
} from "./linkAccess";
import { Links } from "./links";
import { Listeners } from "./listeners";
import { countsByRoutingKey, sameNetwork, SiteRecord } from "./network";
import { KubeObject, text } from "./objects";
import { runningState } from "./routerPods";

export function activeSiteExists(activeName: string): string {
    return `An active site already exists in the namespace (${activeName})`;
}

const DEFAULT_ISSUER = "skupper-site-ca";

export class SiteState {
    /** The active Site as last handled or written; undefined until a Site is handled. */
    site?: KubeObject;
    initialised = false;
    readonly connectors: AttachedConnectors;
    readonly listeners: Listeners;
    readonly links: Links;
    /** The namespace's router pods, by key, as their events told them. */
    private readonly routerPods = new Map<string, KubeObject>();

    constructor(
        readonly namespace: string,
        private readonly controller: Controller,
    ) {
        this.connectors = new AttachedConnectors(controller, () => this.initialised);
        this.listeners = new Listeners(controller);
        this.links = new Links(controller);
    }

    /** On a restart, before any event: the Site that owns the namespace's router is initialised again. */
    recover(site: KubeObject): void {
        this.site = site;
        this.initialised = unsupportedLinkAccess(site) === undefined;
    }

    /** A Site in the namespace was added or changed. */
    reconcile(site: KubeObject): void {
        let error: string | undefined;
        if (this.site && this.site.metadata.name !== site.metadata.name) {
            this.markInactive(site, this.site.metadata.name);
        } else {
            this.site = site;
            error = unsupportedLinkAccess(site);
            if (!error && !this.initialised) {
                this.initialised = true;
                this.listeners.configureAll();
            }
        }
        this.updateConfigured(error);
        // Skupper resolves the link access at the events of its RouterAccess, which follow.
        if (!error) this.updateResolved();
    }

    /** A router pod of the namespace changed (no pod: it is gone). False when the write failed. */
    routerPodEvent(key: string, pod: KubeObject | undefined): boolean {
        if (pod) this.routerPods.set(key, pod);
        else this.routerPods.delete(key);
        const site = this.site;
        if (!site) return true;
        const now = this.controller.cluster.now;
        if (!setCondition(site, "Running", runningState([...this.routerPods.values()]), now)) return true;
        setReady(site, siteRequires(site), now);
        return this.write();
    }

    /** The endpoints of the link access, and Resolved, from its Service (linkAccess.ts). False when the write failed. */
    updateResolved(): boolean {
        const site = this.site;
        if (!site || !this.initialised || !linkAccessRequired(site)) return true;
        const service = this.controller.cluster.read("Service", `${this.namespace}/${LINK_ACCESS_SERVICE}`);
        if (!setEndpoints(site, endpointsOf(service), this.controller.cluster.now)) return true;
        return this.write();
    }

    /** The active Site was deleted: its pod watchers stop (the controller then forgets the namespace). */
    deleted(): void {
        this.connectors.stopAllWatchers();
        this.listeners.configureAll();
    }

    /** The namespace's network status changed. False when a write failed. */
    networkUpdated(records: SiteRecord[]): boolean {
        const site = this.site;
        if (!site || sameNetwork(site.status?.network, records)) return true;
        site.status ??= {};
        if (records.length) {
            site.status.network = records;
            site.status.sitesInNetwork = records.length;
        } else {
            delete site.status.network;
            delete site.status.sitesInNetwork;
        }
        // Set on the kept copy first: when the write fails, the retry finds the network
        // already shown and stops there.
        if (!this.write()) return false;
        const counts = countsByRoutingKey(records);
        const listenersOk = this.listeners.matchConnectors(counts.connectors);
        for (const record of this.connectors.all()) {
            const routingKey = text(record.binding?.spec?.routingKey);
            record.setMatchingListenerCount(counts.listeners.get(routingKey) ?? 0);
        }
        // A binding's failed write is only logged; a Listener's makes the event be retried.
        return listenersOk;
    }

    private markInactive(site: KubeObject, activeName: string): void {
        if (setConfigured(site, activeSiteExists(activeName), siteRequires(site), this.controller.cluster.now)) {
            this.controller.cluster.updateStatus("Site", site);
        }
    }

    /** defaultIssuer and Configured on the active Site, written when either changed. */
    private updateConfigured(error: string | undefined): void {
        const site = this.site!;
        site.status ??= {};
        let changed = false;
        const issuer = site.spec?.defaultIssuer || site.status.defaultIssuer || DEFAULT_ISSUER;
        if (site.status.defaultIssuer !== issuer) {
            site.status.defaultIssuer = issuer;
            changed = true;
        }
        if (setConfigured(site, error, siteRequires(site), this.controller.cluster.now)) changed = true;
        if (changed) this.write();
    }

    /** Writes the active Site's status as set on the kept copy; false when the write was refused. */
    private write(): boolean {
        const updated = this.controller.cluster.updateStatus("Site", this.site!);
        if (updated) this.site = updated;
        return updated !== undefined;
    }
}
