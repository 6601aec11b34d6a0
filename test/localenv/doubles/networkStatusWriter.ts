// TEST DOUBLE, never shipped and never run where a router runs: the network-status
// writer. In the real and emulated modes no router runs, so no collector reports the
// network; this process writes, every second, each site's report as its router's
// collector would (networkStatus.ts), so a Listener created anywhere in a site shows as
// hasMatchingListener and hasMatchingConnector as it would on a cluster. With --peers (a
// file naming the kubeconfigs of the environment's other clusters), a site's report also
// has the sites its configured Links join it to there (linkedSites.ts). In the data-plane
// mode Skupper's own kube-adaptor writes it, and this does not run.
//
//   node -r ts-node/register/transpile-only localenv/doubles/networkStatusWriter.ts --kubeconfig <file> [--peers <file>]
import { peerKubeconfigs } from "../clusterPeers";
import { KubeClient, KubeError, paths } from "../cluster/kubeClient";
import { readKubeconfig } from "../cluster/kubeconfig";
import { PodView } from "../dataplane/podServers";
import { ClusterSnapshot, KubeObject, readSnapshot } from "./skupperEmulator";
import { conditionOf } from "./skupperEmulator/conditions";
import { networksOf, PlacedSite } from "./linkedSites";
import { NETWORK_STATUS, NetworkStatus, SiteStatus, siteEntry, withSiteEntry } from "./networkStatus";

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

/** A cluster's objects as the writer reads them in a round. */
interface ClusterView {
    name: string;
    snapshot: ClusterSnapshot;
    links: KubeObject[];
}

/**
 * What the routers have: the controller configures a Listener or a binding into its site's
 * router before the router's collector can report it, so only those Skupper marked
 * Configured are reported. Reporting one sooner races the controller, which reads each
 * report once: one naming an object it had not handled yet would match nothing, and stay.
 */
function routersView(snapshot: ClusterSnapshot): ClusterSnapshot {
    const configured = (o: KubeObject) => conditionOf(o, "Configured")?.status === "True";
    return {
        ...snapshot,
        listeners: snapshot.listeners.filter(configured),
        bindings: snapshot.bindings.filter(configured),
    };
}

async function viewOf(name: string, kube: KubeClient): Promise<ClusterView> {
    const snapshot = routersView(await readSnapshot(kube, new Date(), false));
    const links = await kube.get(paths.skupperAll("Link")).then(
        (l) => l.items as KubeObject[],
        () => [],
    );
    return { name, snapshot, links };
}

/** One round: every configured site of `kube`'s cluster gets its report; `peers` are the other clusters. */
export async function writeOnce(kube: KubeClient, peers: Map<string, KubeClient> = new Map()): Promise<void> {
    const own = await viewOf("", kube);
    const others = await Promise.all([...peers].map(([name, client]) => viewOf(name, client).catch(() => undefined)));
    const views = [own, ...others.filter((v): v is ClusterView => v !== undefined)];
    const placed = views.flatMap((v) => v.snapshot.sites.filter(hasRouter).map((site) => ({ cluster: v.name, site })));
    const networks = networksOf(
        placed,
        views.flatMap((v) => v.links.map((link) => ({ cluster: v.name, link }))),
    );
    const entryOf = (s: PlacedSite): SiteStatus => {
        const { snapshot } = views.find((v) => v.name === s.cluster)!;
        return siteEntry({ ...snapshot, site: s.site, pods: snapshot.pods as PodView[] });
    };
    const known = new Set(placed.map((s) => s.site.metadata.uid ?? ""));
    for (const site of own.snapshot.sites.filter(hasRouter)) {
        const network = networks.get(`/${site.metadata.namespace}`) ?? [];
        const linked = network.filter((s) => s.cluster !== "" || s.site.metadata.namespace !== site.metadata.namespace);
        try {
            await writeSite(kube, own.snapshot, site, linked.map(entryOf), known);
        } catch (e) {
            // One site's failure does not keep the others from their reports.
            console.error(`[network-status-writer] ${site.metadata.namespace}: ${(e as Error).message}`);
        }
    }
}

async function writeSite(
    kube: KubeClient,
    snapshot: ClusterSnapshot,
    site: KubeObject,
    linked: SiteStatus[],
    known: Set<string>,
): Promise<void> {
    const namespace = site.metadata.namespace;
    const stored = snapshot.networkStatus.find((c) => c.metadata.namespace === namespace);
    let previous: NetworkStatus | undefined;
    try {
        previous = stored?.data?.NetworkStatus ? JSON.parse(stored.data.NetworkStatus) : undefined;
    } catch {
        previous = undefined;
    }
    // Entries of sites this writer knows are its to write (a link gone takes its sites
    // away); others (the remote-site double's) are kept as they are.
    let report: NetworkStatus | undefined = previous && {
        ...previous,
        siteStatus: previous.siteStatus.filter((s) => !known.has(s.site.identity ?? "")),
    };
    for (const entry of linked) report = withSiteEntry(report, entry);
    const entry = siteEntry({ ...snapshot, site, pods: snapshot.pods as PodView[] });
    const next = JSON.stringify(withSiteEntry(report, entry));
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
    const peersFlag = argv.indexOf("--peers");
    const peersFile = peersFlag >= 0 ? argv[peersFlag + 1] : undefined;
    const peers = new Map<string, KubeClient>();
    let stopping = false;
    process.on("SIGTERM", () => (stopping = true)).on("SIGINT", () => (stopping = true));
    console.log("[network-status-writer] writing each site's skupper-network-status");
    while (!stopping) {
        if (peersFile) readPeers(peersFile, peers);
        await writeOnce(kube, peers).catch((e) => console.error(`[network-status-writer] ${(e as Error).message}`));
        await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS));
    }
}

/** The peers file, read every round: the environment names its clusters' peers once they have started. */
function readPeers(file: string, peers: Map<string, KubeClient>): void {
    const names = peerKubeconfigs(file);
    for (const name of names) if (!peers.has(name)) peers.set(name, new KubeClient(readKubeconfig(name)));
    for (const name of [...peers.keys()]) if (!names.includes(name)) peers.delete(name);
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
