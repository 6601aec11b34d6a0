// Test double: a listener in a remote site. No router runs here, so no collector
// reports the network; this writes what a remote router's collector would report into
// the site namespace's `skupper-network-status` ConfigMap, which is where Skupper reads
// `hasMatchingListener` from: a remote site whose router has a listener whose address
// is the routing key.
import { KubeClient, paths } from "../cluster/kubeClient";

const CONFIG_MAP = "skupper-network-status";
const REMOTE = { identity: "remote-site", name: "remote", namespace: "remote" };

/** The part of the collector's report that hasMatchingListener is computed from. */
interface NetworkStatus {
    addresses: { name: string; protocol: string; listenerCount: number }[];
    siteStatus: {
        site: { identity: string; name: string; namespace: string };
        routerStatus: { router: { name: string; namespace: string }; listeners: { name: string; address: string }[] }[];
    }[];
}

export async function writeRemoteListener(kube: KubeClient, siteNamespace: string, routingKey: string): Promise<void> {
    await editNetworkStatus(kube, siteNamespace, (status) => {
        let site = status.siteStatus.find((s) => s.site.identity === REMOTE.identity);
        if (!site) {
            site = {
                site: REMOTE,
                routerStatus: [{ router: { name: "remote-router", namespace: REMOTE.namespace }, listeners: [] }],
            };
            status.siteStatus.push(site);
        }
        site.routerStatus[0].listeners.push({ name: `${routingKey}-listener`, address: routingKey });
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

async function editNetworkStatus(
    kube: KubeClient,
    siteNamespace: string,
    edit: (status: NetworkStatus) => void,
): Promise<void> {
    const path = `${paths.configMaps(siteNamespace)}/${CONFIG_MAP}`;
    const existing = await kube.find<{ data?: { NetworkStatus?: string } }>(path);
    const status: NetworkStatus = existing?.data?.NetworkStatus
        ? JSON.parse(existing.data.NetworkStatus)
        : { addresses: [], siteStatus: [] };
    status.addresses ??= [];
    status.siteStatus ??= [];
    edit(status);
    const data = { NetworkStatus: JSON.stringify(status) };
    if (existing) await kube.mergePatch(path, { data });
    else await kube.create(paths.configMaps(siteNamespace), { metadata: { name: CONFIG_MAP }, data });
}
