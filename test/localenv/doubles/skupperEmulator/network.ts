// The network as the controller reads it from a site namespace's skupper-network-status
// ConfigMap (key NetworkStatus, the routers' collector's report): one record per site,
// with its links to other known sites and its services. A service is a routing key with
// the listeners (those with a name and an address) and the connectors (those with an
// address and a destHost) reported for it. These records are what the Site's
// status.network shows, and what the matching listener and connector counts come from.
import { canonical, KubeObject, text } from "./objects";

export interface ServiceRecord {
    routingKey: string;
    connectors?: string[];
    listeners?: string[];
}

export interface LinkRecord {
    name: string;
    remoteSiteId?: string;
    remoteSiteName?: string;
    operational?: boolean;
}

export interface SiteRecord {
    id?: string;
    name?: string;
    namespace?: string;
    platform?: string;
    version?: string;
    links?: LinkRecord[];
    services?: ServiceRecord[];
}

/** Fields of a record that are empty are left out, as the API types serialise them. */
function withoutEmpty<T extends object>(record: T): T {
    const entries = Object.entries(record).filter(([, value]) => {
        if (value === undefined || value === "" || value === false) return false;
        return !(Array.isArray(value) && value.length === 0);
    });
    return Object.fromEntries(entries) as T;
}

const list = (value: unknown): any[] => (Array.isArray(value) ? value : []);

/**
 * The site records of the ConfigMap's report; undefined when there is nothing to read
 * (no NetworkStatus key, or one that is not JSON), which the controller skips.
 */
export function readNetworkStatus(configMap: KubeObject): SiteRecord[] | undefined {
    const encoded = configMap.data?.NetworkStatus;
    if (!encoded) return undefined;
    let status: any;
    try {
        status = JSON.parse(encoded);
    } catch {
        return undefined;
    }
    return siteRecords(list(status?.siteStatus));
}

function siteRecords(sites: any[]): SiteRecord[] {
    // Links are recorded only to routers that some site reports an access point for.
    const siteOfAccessPoint = new Map<string, string>();
    const siteNames = new Map<string, string>();
    for (const site of sites) {
        siteNames.set(text(site?.site?.identity), text(site?.site?.name));
        for (const router of list(site?.routerStatus)) {
            for (const access of list(router?.routerAccess)) {
                siteOfAccessPoint.set(text(access?.identity), text(site?.site?.identity));
            }
        }
    }
    return sites.map((site) => {
        const links: LinkRecord[] = [];
        const services = new Map<string, { connectors: string[]; listeners: string[] }>();
        const service = (routingKey: string) => {
            if (!services.has(routingKey)) services.set(routingKey, { connectors: [], listeners: [] });
            return services.get(routingKey)!;
        };
        for (const router of list(site?.routerStatus)) {
            for (const link of list(router?.links)) {
                const remoteSite = siteOfAccessPoint.get(text(link?.peer));
                if (!text(link?.name) || !text(link?.peer) || remoteSite === undefined) continue;
                const operational = text(link?.status).toLowerCase() === "up";
                const remoteSiteName = siteNames.get(remoteSite);
                links.push(withoutEmpty({ name: link.name, remoteSiteId: remoteSite, remoteSiteName, operational }));
            }
            for (const connector of list(router?.connectors)) {
                if (!text(connector?.address) || !text(connector?.destHost)) continue;
                service(connector.address).connectors.push(connector.destHost);
            }
            for (const listener of list(router?.listeners)) {
                if (!text(listener?.address) || !text(listener?.name)) continue;
                service(listener.address).listeners.push(listener.name);
            }
        }
        const serviceRecords = [...services].map(([routingKey, found]) => withoutEmpty({ routingKey, ...found }));
        const info = site?.site ?? {};
        return withoutEmpty({
            id: text(info.identity),
            name: text(info.name),
            namespace: text(info.namespace),
            platform: text(info.platform),
            version: text(info.siteVersion),
            links,
            services: serviceRecords,
        });
    });
}

/**
 * Whether the Site's status.network already shows these records. The controller lists a
 * site's services in no particular order, so the order of services does not count.
 */
export function sameNetwork(shown: unknown, records: SiteRecord[]): boolean {
    const inAnyOrder = (sites: unknown) =>
        list(sites).map((site: SiteRecord) => ({
            ...site,
            services: site.services && [...site.services].sort((a, b) => canonical(a).localeCompare(canonical(b))),
        }));
    return canonical(inAnyOrder(shown)) === canonical(inAnyOrder(records));
}

/** How many listeners and connectors the network reports for each routing key, over all sites. */
export function countsByRoutingKey(records: SiteRecord[]): {
    listeners: Map<string, number>;
    connectors: Map<string, number>;
} {
    const listeners = new Map<string, number>();
    const connectors = new Map<string, number>();
    for (const site of records) {
        for (const service of site.services ?? []) {
            const key = service.routingKey;
            listeners.set(key, (listeners.get(key) ?? 0) + (service.listeners?.length ?? 0));
            connectors.set(key, (connectors.get(key) ?? 0) + (service.connectors?.length ?? 0));
        }
    }
    return { listeners, connectors };
}
