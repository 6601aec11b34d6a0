// The controller starting: before it handles any event, with its informers' caches full,
// it recovers its Sites and Listeners from what the cluster shows.
import { ClusterView } from "./clusterView";
import { conditionOf } from "./conditions";
import { keyOf, KubeObject, text } from "./objects";
import { SiteState } from "./site";

/**
 * In each namespace, the Site that owns the router (here: the one the cluster shows
 * Configured, else the oldest) is initialised again; every Listener not in Error leads
 * its host and port again and is checked; then every Site is handled (handleSite).
 */
export function recover(
    cluster: ClusterView,
    siteOf: (namespace: string) => SiteState,
    handleSite: (namespace: string, name: string, site: KubeObject | undefined) => void,
): void {
    const sites = cluster.objects("Site").map((site) => cluster.read("Site", keyOf(site))!);
    const byAge = [...sites].sort((a, b) =>
        text(a.metadata.creationTimestamp).localeCompare(text(b.metadata.creationTimestamp)),
    );
    for (const site of byAge) {
        const state = siteOf(site.metadata.namespace);
        const inNamespace = byAge.filter((other) => other.metadata.namespace === site.metadata.namespace);
        const owner =
            inNamespace.find((other) => conditionOf(other, "Configured")?.status === "True") ?? inNamespace[0];
        if (!state.site && owner === site) state.recover(site);
    }
    const listeners = cluster.objects("Listener").map((listener) => cluster.read("Listener", keyOf(listener))!);
    for (const listener of listeners) siteOf(listener.metadata.namespace).listeners.recoverLeader(listener);
    for (const listener of listeners) {
        const state = siteOf(listener.metadata.namespace);
        state.listeners.check(listener.metadata.name, listener, state.site !== undefined);
    }
    for (const { metadata } of sites) {
        handleSite(metadata.namespace, metadata.name, cluster.read("Site", `${metadata.namespace}/${metadata.name}`));
    }
}
