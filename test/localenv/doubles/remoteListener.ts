// Test double: a listener, or a connector, in a remote site. No router runs here, so no
// collector reports the network; this writes what a remote router's collector would
// report into the site namespace's `skupper-network-status` ConfigMap, which is where
// Skupper reads `hasMatchingListener` (of a binding: a remote site whose router has a
// listener whose address is the routing key) and `hasMatchingConnector` (of a Listener:
// a router with a connector whose address is the routing key and that has a destHost).
import { KubeClient, KubeError, paths } from "../cluster/kubeClient";

const CONFIG_MAP = "skupper-network-status";
const REMOTE = { identity: "remote-site", name: "remote", namespace: "remote" };

interface RemoteConnector {
    address: string;
    destHost: string;
    destPort?: string;
}

interface RouterStatus {
    router: { name: string; namespace: string };
    listeners: { name: string; address: string }[];
    connectors?: RemoteConnector[];
}

/** The part of the collector's report that hasMatchingListener and hasMatchingConnector are computed from. */
interface NetworkStatus {
    addresses: { name: string; protocol: string; listenerCount: number; connectorCount?: number }[];
    siteStatus: {
        site: { identity: string; name: string; namespace: string };
        routerStatus: RouterStatus[];
    }[];
}

export async function writeRemoteListener(kube: KubeClient, siteNamespace: string, routingKey: string): Promise<void> {
    await editNetworkStatus(kube, siteNamespace, (status) => {
        remoteRouter(status).listeners.push({ name: `${routingKey}-listener`, address: routingKey });
        status.addresses.push({ name: routingKey, protocol: "tcp", listenerCount: 1 });
    });
}

export async function removeRemoteListener(kube: KubeClient, siteNamespace: string, routingKey: string): Promise<void> {
    await editNetworkStatus(kube, siteNamespace, (status) => {
        for (const site of status.siteStatus.filter((s) => s.site.identity === REMOTE.identity)) {
            for (const router of site.routerStatus)
                router.listeners = router.listeners.filter((l) => l.address !== routingKey);
        }
        status.addresses = status.addresses.filter((a) => a.name !== routingKey);
    });
}

/**
 * A connector with the routing key in the remote site, as its router reports it: its
 * address and the host it forwards to. Writing the same connector twice changes nothing.
 */
export async function writeRemoteConnector(
    kube: KubeClient,
    siteNamespace: string,
    routingKey: string,
    destHost = `${routingKey}.${REMOTE.namespace}`,
): Promise<void> {
    await editNetworkStatus(kube, siteNamespace, (status) => {
        const router = remoteRouter(status);
        router.connectors ??= [];
        const known = router.connectors.some((c) => c.address === routingKey && c.destHost === destHost);
        if (known) return;
        router.connectors.push({ address: routingKey, destHost, destPort: "8080" });
        const address = status.addresses.find((a) => a.name === routingKey);
        if (address) address.connectorCount = (address.connectorCount ?? 0) + 1;
        else status.addresses.push({ name: routingKey, protocol: "tcp", listenerCount: 0, connectorCount: 1 });
    });
}

/** Removes the remote site's connectors with the routing key. */
export async function removeRemoteConnector(
    kube: KubeClient,
    siteNamespace: string,
    routingKey: string,
): Promise<void> {
    await editNetworkStatus(kube, siteNamespace, (status) => {
        for (const site of status.siteStatus.filter((s) => s.site.identity === REMOTE.identity)) {
            for (const router of site.routerStatus) {
                if (router.connectors) router.connectors = router.connectors.filter((c) => c.address !== routingKey);
            }
        }
        for (const address of status.addresses.filter((a) => a.name === routingKey)) delete address.connectorCount;
        status.addresses = status.addresses.filter((a) => a.name !== routingKey || a.listenerCount > 0);
    });
}

/** The remote site's router, added to the report when it is not there yet. */
function remoteRouter(status: NetworkStatus): RouterStatus {
    let site = status.siteStatus.find((s) => s.site.identity === REMOTE.identity);
    if (!site) {
        site = {
            site: REMOTE,
            routerStatus: [{ router: { name: "remote-router", namespace: REMOTE.namespace }, listeners: [] }],
        };
        status.siteStatus.push(site);
    }
    return site.routerStatus[0];
}

async function editNetworkStatus(
    kube: KubeClient,
    siteNamespace: string,
    edit: (status: NetworkStatus) => void,
): Promise<void> {
    const path = `${paths.configMaps(siteNamespace)}/${CONFIG_MAP}`;
    for (let attempt = 1; ; attempt++) {
        const existing = await kube.find<{ metadata: { resourceVersion: string }; data?: { NetworkStatus?: string } }>(
            path,
        );
        const status: NetworkStatus = existing?.data?.NetworkStatus
            ? JSON.parse(existing.data.NetworkStatus)
            : { addresses: [], siteStatus: [] };
        status.addresses ??= [];
        status.siteStatus ??= [];
        edit(status);
        const data = { NetworkStatus: JSON.stringify(status) };
        try {
            // Conditional on the version read: the network-status writer rewrites this ConfigMap too.
            if (existing)
                await kube.mergePatch(path, { metadata: { resourceVersion: existing.metadata.resourceVersion }, data });
            else await kube.create(paths.configMaps(siteNamespace), { metadata: { name: CONFIG_MAP }, data });
            return;
        } catch (e) {
            if (!(e instanceof KubeError && e.status === 409) || attempt >= 10) throw e;
        }
    }
}
