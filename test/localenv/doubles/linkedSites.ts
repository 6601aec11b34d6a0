// Which sites share a network across the clusters of the local environment when no router
// runs to say so: a site and the site its configured Link points at (a Link's endpoint is
// the other site's link access, host and port) are one network, and so is everything
// linked to either. The network-status writer reports a site's whole network from this.
import { conditionOf } from "./skupperEmulator/conditions";
import { KubeObject } from "./skupperEmulator/objects";

/** A site as the writer sees it: its object, and the cluster it is in. */
export interface PlacedSite {
    cluster: string;
    site: KubeObject;
}

const key = (s: PlacedSite) => `${s.cluster}/${s.site.metadata.namespace}`;
const endpointsOf = (site: KubeObject): string[] =>
    (site.status?.endpoints ?? []).map((e: { host?: string; port?: string }) => `${e.host}:${e.port}`);

/**
 * The sites in each site's network, keyed `cluster/namespace`. `links` are each cluster's
 * Links; only Configured ones join (as a router joins only on a configured link).
 */
export function networksOf(
    sites: PlacedSite[],
    links: { cluster: string; link: KubeObject }[],
): Map<string, PlacedSite[]> {
    const parent = new Map<string, string>(sites.map((s) => [key(s), key(s)]));
    const find = (k: string): string => {
        while (parent.get(k) !== k) k = parent.get(k)!;
        return k;
    };
    const byEndpoint = new Map<string, PlacedSite>();
    for (const s of sites) for (const e of endpointsOf(s.site)) byEndpoint.set(e, s);
    for (const { cluster, link } of links) {
        if (conditionOf(link, "Configured")?.status !== "True") continue;
        const from = sites.find((s) => s.cluster === cluster && s.site.metadata.namespace === link.metadata.namespace);
        const to = (link.spec?.endpoints ?? [])
            .map((e: { host?: string; port?: string }) => byEndpoint.get(`${e.host}:${e.port}`))
            .find((s: PlacedSite | undefined) => s !== undefined);
        if (from && to) parent.set(find(key(from)), find(key(to)));
    }
    const networks = new Map<string, PlacedSite[]>();
    for (const s of sites) {
        const root = find(key(s));
        networks.set(root, [...(networks.get(root) ?? []), s]);
    }
    return new Map(sites.map((s) => [key(s), networks.get(find(key(s)))!]));
}
