// TEST DOUBLE, never shipped and never run where a router runs: the network-status
// writer. In the real and emulated modes no router runs, so no collector reports the
// network; this process writes, every second, each site's report as its router's
// collector would (networkStatus.ts), so a Listener created anywhere in a site shows as
// hasMatchingListener and hasMatchingConnector as it would on a cluster. In the
// data-plane mode Skupper's own kube-adaptor writes it, and this does not run.
//
//   node -r ts-node/register/transpile-only localenv/doubles/networkStatusWriter.ts --kubeconfig <file>
import { KubeClient, KubeError, paths } from "../cluster/kubeClient";
import { readKubeconfig } from "../cluster/kubeconfig";
import { PodView } from "../dataplane/podServers";
import { ClusterSnapshot, KubeObject, readSnapshot } from "./skupperEmulator";
import { conditionOf } from "./skupperEmulator/conditions";
import { NETWORK_STATUS, NetworkStatus, siteEntry, withSiteEntry } from "./networkStatus";

/** The field manager of this double's writes, which the data-plane mode's tests look for. */
export const WRITER_FIELD_MANAGER = "skupper-pulumi-network-status-writer";

const INTERVAL_MS = 1000;

/**
 * A site's router runs only once the controller has configured the site, so no report
 * exists before. Skupper's controller reads the network of a namespace only after it has
 * handled its Site, and not again until the report changes: a report written earlier
 * would go unread.
 */
export function hasRouter(site: KubeObject): boolean {
    return conditionOf(site, "Configured")?.status === "True";
}

export async function writeOnce(kube: KubeClient): Promise<void> {
    const snapshot = await readSnapshot(kube, new Date(), false);
    for (const site of snapshot.sites.filter(hasRouter)) {
        try {
            await writeSite(kube, snapshot, site);
        } catch (e) {
            // One site's failure does not keep the others from their reports.
            console.error(`[network-status-writer] ${site.metadata.namespace}: ${(e as Error).message}`);
        }
    }
}

async function writeSite(kube: KubeClient, snapshot: ClusterSnapshot, site: KubeObject): Promise<void> {
    const namespace = site.metadata.namespace;
    const stored = snapshot.networkStatus.find((c) => c.metadata.namespace === namespace);
    let previous: NetworkStatus | undefined;
    try {
        previous = stored?.data?.NetworkStatus ? JSON.parse(stored.data.NetworkStatus) : undefined;
    } catch {
        previous = undefined;
    }
    const entry = siteEntry({ ...snapshot, site, pods: snapshot.pods as PodView[] });
    const next = JSON.stringify(withSiteEntry(previous, entry));
    if (stored?.data?.NetworkStatus === next) return;
    const data = { NetworkStatus: next };
    const manager = `fieldManager=${WRITER_FIELD_MANAGER}`;
    try {
        // The resourceVersion makes the write conditional: an edit since the list (the
        // remote-site double's) is not lost, and the next round includes it.
        if (stored)
            await kube.mergePatch(`${paths.configMaps(namespace)}/${NETWORK_STATUS}?${manager}`, {
                metadata: { resourceVersion: stored.metadata.resourceVersion },
                data,
            });
        else
            await kube.create(`${paths.configMaps(namespace)}?${manager}`, {
                metadata: { name: NETWORK_STATUS },
                data,
            });
    } catch (e) {
        // The namespace is going away, or another write came first: the next round sees it.
        if (!(e instanceof KubeError && [404, 409, 403].includes(e.status))) throw e;
    }
}

async function main(argv: string[]): Promise<void> {
    const flag = argv.indexOf("--kubeconfig");
    const file = flag >= 0 ? argv[flag + 1] : process.env.KUBECONFIG;
    if (!file) throw new Error("usage: networkStatusWriter.ts --kubeconfig <file>");
    const kube = new KubeClient(readKubeconfig(file));
    let stopping = false;
    process.on("SIGTERM", () => (stopping = true)).on("SIGINT", () => (stopping = true));
    console.log("[network-status-writer] writing each site's skupper-network-status");
    while (!stopping) {
        await writeOnce(kube).catch((e) => console.error(`[network-status-writer] ${(e as Error).message}`));
        await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS));
    }
}

if (require.main === module) {
    main(process.argv.slice(2)).then(
        () => process.exit(0),
        (e) => {
            console.error(`[network-status-writer] ${e.message}`);
            process.exit(1);
        },
    );
}
