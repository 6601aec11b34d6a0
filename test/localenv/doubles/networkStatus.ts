// What a site's router collector reports into `skupper-network-status` (key
// NetworkStatus), computed from the cluster's objects instead of a running router: the
// site's one router with a listener for every Listener of the site namespace and a
// connector for every pod an AttachedConnectorBinding of the site routes to. Skupper's
// controller reads hasMatchingListener and hasMatchingConnector from it. Without links a
// site is a network of its own; entries of other sites (the remote-site double's) are
// kept as they are.
import { isServing, PodView } from "../dataplane/podServers";
import { labelTest } from "./skupperEmulator/labels";
import { KubeObject } from "./skupperEmulator/objects";

export const NETWORK_STATUS = "skupper-network-status";

/** The Skupper version the report is written for. */
const SKUPPER_VERSION = "2.2.1";

// The shapes are those Skupper 2.2.1's collector wrote beside a router here: a listener
// named `listener/<name>`, a connector per pod with the pod's address and the process
// (pod) it reaches. What only a running router knows (its listener's port) is left out.
export interface ListenerInfo {
    name: string;
    address: string;
    protocol?: string;
}

export interface ConnectorInfo {
    address: string;
    destHost: string;
    destPort: string;
    process?: string;
}

export interface SiteStatus {
    site: { identity?: string; name?: string; namespace?: string; platform?: string; siteVersion?: string };
    routerStatus: {
        router: { name?: string; mode?: string };
        links: unknown[];
        routerAccess?: unknown[];
        listeners: ListenerInfo[];
        connectors: ConnectorInfo[];
    }[];
}

export interface NetworkStatus {
    addresses: {
        name: string;
        startTime: number;
        endTime: number;
        protocol: string;
        listenerCount: number;
        connectorCount: number;
    }[];
    siteStatus: SiteStatus[];
}

export interface SiteObjects {
    site: KubeObject;
    listeners: KubeObject[];
    connectors: KubeObject[];
    bindings: KubeObject[];
    pods: PodView[];
}

/** The site's own entry: its router's listeners and connectors. */
export function siteEntry({ site, listeners, connectors, bindings, pods }: SiteObjects): SiteStatus {
    const namespace = site.metadata.namespace;
    const ownListeners = listeners
        .filter((l) => l.metadata.namespace === namespace && l.spec?.routingKey)
        .map((l) => ({ name: `listener/${l.metadata.name}`, protocol: "tcp", address: String(l.spec.routingKey) }));
    const routed: ConnectorInfo[] = [];
    for (const binding of bindings.filter((b) => b.metadata.namespace === namespace)) {
        const connector = connectors.find(
            (c) =>
                c.metadata.name === binding.metadata.name &&
                c.metadata.namespace === binding.spec?.connectorNamespace &&
                c.spec?.siteNamespace === namespace,
        );
        if (!connector || !binding.spec?.routingKey) continue;
        const selects = labelTest(String(connector.spec.selector ?? ""));
        for (const pod of pods) {
            if (pod.metadata.namespace !== connector.metadata.namespace || !isServing(pod)) continue;
            if (!selects(pod.metadata.labels ?? {})) continue;
            routed.push({
                destHost: pod.status!.podIP!,
                destPort: String(connector.spec.port),
                address: String(binding.spec.routingKey),
                process: pod.metadata.uid,
            });
        }
    }
    return {
        site: {
            identity: site.metadata.uid,
            name: site.metadata.name,
            namespace,
            platform: "kubernetes",
            siteVersion: SKUPPER_VERSION,
        },
        routerStatus: [
            {
                router: { name: `0/${site.metadata.name}-skupper-router`, mode: "interior" },
                links: [],
                routerAccess: [],
                listeners: ownListeners,
                connectors: routed,
            },
        ],
    };
}

/** The report with the site's own entry replaced, other sites' entries kept, and the address counts recomputed. */
export function withSiteEntry(previous: NetworkStatus | undefined, entry: SiteStatus): NetworkStatus {
    const others = (previous?.siteStatus ?? []).filter(
        (s) => s.site.identity !== entry.site.identity && s.site.namespace !== entry.site.namespace,
    );
    const siteStatus = [entry, ...others];
    const counts = new Map<string, { listenerCount: number; connectorCount: number }>();
    const count = (address: string) => {
        if (!counts.has(address)) counts.set(address, { listenerCount: 0, connectorCount: 0 });
        return counts.get(address)!;
    };
    for (const router of siteStatus.flatMap((s) => s.routerStatus ?? [])) {
        for (const listener of router.listeners ?? []) count(listener.address).listenerCount++;
        for (const connector of router.connectors ?? []) count(connector.address).connectorCount++;
    }
    const addresses = [...counts]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, c]) => ({ name, startTime: 0, endTime: 0, protocol: "tcp", ...c }));
    return { addresses, siteStatus };
}
