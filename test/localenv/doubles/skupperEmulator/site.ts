// One namespace as the controller keeps it: the active Site (the first one it handled
// there; any other Site in the namespace is told that one exists), and what hangs off
// it: the attached connectors pointing at the namespace and its Listeners. A Site is
// initialised the first time it is handled; no router runs here, so it stays Configured
// but Pending "Not Running". It also carries the network read from the namespace's
// skupper-network-status ConfigMap: a report that shows the same network as the Site's
// status.network already does changes nothing.
import { AttachedConnectors } from "./attachedConnectors";
import { setConfigured, siteRequires } from "./conditions";
import { Controller } from "./controller";
import { Listeners } from "./listeners";
import { countsByRoutingKey, sameNetwork, SiteRecord } from "./network";
import { KubeObject, text } from "./objects";

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

    constructor(
        readonly namespace: string,
        private readonly controller: Controller,
    ) {
        this.connectors = new AttachedConnectors(controller, () => this.initialised);
        this.listeners = new Listeners(controller);
    }

    /** On a restart, before any event: the Site that owns the namespace's router is initialised again. */
    recover(site: KubeObject): void {
        this.site = site;
        this.initialised = true;
    }

    /** A Site in the namespace was added or changed. */
    reconcile(site: KubeObject): void {
        if (this.site && this.site.metadata.name !== site.metadata.name) {
            this.markInactive(site, this.site.metadata.name);
        } else {
            this.site = site;
            if (!this.initialised) {
                this.initialised = true;
                this.listeners.configureAll();
            }
        }
        this.updateConfigured();
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
        const updated = this.controller.cluster.updateStatus("Site", site);
        if (!updated) return false;
        this.site = updated;
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
    private updateConfigured(): void {
        const site = this.site!;
        site.status ??= {};
        let changed = false;
        const issuer = site.spec?.defaultIssuer || site.status.defaultIssuer || DEFAULT_ISSUER;
        if (site.status.defaultIssuer !== issuer) {
            site.status.defaultIssuer = issuer;
            changed = true;
        }
        if (setConfigured(site, undefined, siteRequires(site), this.controller.cluster.now)) changed = true;
        if (!changed) return;
        const updated = this.controller.cluster.updateStatus("Site", site);
        if (updated) this.site = updated;
    }
}
