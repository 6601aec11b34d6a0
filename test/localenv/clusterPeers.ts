// The clusters of one local environment know each other through a file in each one's
// folder that names the kubeconfigs of the others. Where no router runs, each cluster's
// network-status writer reads their objects (doubles/networkStatusWriter.ts --peers), so
// a site linked across clusters reports the other cluster's sites in its network. In the
// data-plane mode, each cluster publishes its load balancers' addresses in the others'
// pod networks (dataplane/loadBalancerRoutes.ts), where their routers link to them.
import * as fs from "node:fs";
import * as path from "node:path";

export const PEERS_FILE = "network-peers";

/** Names every cluster's kubeconfig to the others. */
export function joinClusters(clusters: { dir: string; kubeconfig: string }[]): void {
    for (const cluster of clusters) {
        const others = clusters.filter((c) => c !== cluster).map((c) => c.kubeconfig);
        fs.writeFileSync(path.join(cluster.dir, PEERS_FILE), others.map((k) => `${k}\n`).join(""));
    }
}

/** The kubeconfigs a cluster's peers file names (none before the environment joins its clusters). */
export function peerKubeconfigs(peersFile: string): string[] {
    return fs.existsSync(peersFile) ? fs.readFileSync(peersFile, "utf8").split("\n").filter(Boolean) : [];
}
