// What the tests and the demo set up around a pair, on the local control plane. Two of
// these stand in for parts that cannot run here (no kubelet, no router); each is one
// small, named function: makePodsReady and writeRemoteListener. Nothing else is faked.
import { KubeClient, paths } from "./kubeClient";

/** Creates the namespaces, waiting until each has its default ServiceAccount. */
export async function createNamespaces(kube: KubeClient, ...names: string[]): Promise<void> {
    for (const name of names) await kube.ensure(paths.namespaces, { metadata: { name } });
    for (const name of names) {
        for (let i = 0; i < 150 && !(await kube.find(paths.serviceAccount(name, "default"))); i++) {
            await new Promise((resolve) => setTimeout(resolve, 200));
        }
    }
}

/** A Skupper Site in the namespace, reconciled by the real controller. */
export async function createSite(kube: KubeClient, namespace: string, name = "site"): Promise<void> {
    await kube.ensure(paths.skupper(namespace, "sites"), {
        apiVersion: "skupper.io/v2alpha1",
        kind: "Site",
        metadata: { name, namespace },
        spec: {},
    } as { metadata: { name: string } });
}

/** Pods of a workload, as its Deployment would create them (not yet running). */
export async function createWorkloadPods(kube: KubeClient, namespace: string, labels: Record<string, string>, count = 1, port = 8080): Promise<string[]> {
    const app = Object.values(labels).join("-");
    const names: string[] = [];
    for (let i = 0; i < count; i++) {
        const name = `${app}-${i}`;
        await kube.ensure(paths.pods(namespace), {
            metadata: { name, labels },
            spec: { containers: [{ name: "app", image: "registry.invalid/app:1", ports: [{ containerPort: port }] }] },
        } as { metadata: { name: string } });
        names.push(name);
    }
    return names;
}

/**
 * Stand-in (a): with no kubelet, nothing moves pods past Pending. This writes the pod
 * status a kubelet would: phase Running, Ready=True and a pod IP.
 */
export async function makePodsReady(kube: KubeClient, namespace: string, podNames: string[]): Promise<void> {
    const now = new Date().toISOString();
    for (const [i, name] of podNames.entries()) {
        await kube.mergePatch(`${paths.pods(namespace)}/${name}/status`, {
            status: {
                phase: "Running",
                podIP: `10.244.0.${10 + i}`,
                podIPs: [{ ip: `10.244.0.${10 + i}` }],
                conditions: [
                    { type: "Ready", status: "True", lastTransitionTime: now },
                    { type: "ContainersReady", status: "True", lastTransitionTime: now },
                ],
            },
        });
    }
}

/**
 * Stand-in (b): with no router, no collector reports the network. This adds what a
 * remote router's collector would report, in the site namespace's
 * skupper-network-status: a remote site whose router has a listener whose address is
 * the routing key.
 */
export async function writeRemoteListener(kube: KubeClient, siteNamespace: string, routingKey: string): Promise<void> {
    const name = "skupper-network-status";
    const path = `${paths.configMaps(siteNamespace)}/${name}`;
    const existing = await kube.find<{ data?: { NetworkStatus?: string } }>(path);
    const status: NetworkStatus = existing?.data?.NetworkStatus ? JSON.parse(existing.data.NetworkStatus) : { addresses: [], siteStatus: [] };
    let site = status.siteStatus.find((s) => s.site.identity === "remote-site");
    if (!site) {
        site = { site: { identity: "remote-site", name: "remote", namespace: "remote" }, routerStatus: [{ router: { name: "remote-router", namespace: "remote" }, listeners: [] }] };
        status.siteStatus.push(site);
    }
    site.routerStatus[0].listeners.push({ name: `${routingKey}-listener`, address: routingKey });
    status.addresses.push({ name: routingKey, protocol: "tcp", listenerCount: 1 });
    const data = { NetworkStatus: JSON.stringify(status) };
    if (existing) await kube.mergePatch(path, { data });
    else await kube.create(paths.configMaps(siteNamespace), { metadata: { name }, data });
}

/** The part of the collector's report that hasMatchingListener is computed from. */
interface NetworkStatus {
    addresses: { name: string; protocol: string; listenerCount: number }[];
    siteStatus: {
        site: { identity: string; name: string; namespace: string };
        routerStatus: { router: { name: string; namespace: string }; listeners: { name: string; address: string }[] }[];
    }[];
}
