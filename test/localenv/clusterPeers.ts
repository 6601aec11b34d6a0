// The clusters of one local environment know each other where no router runs: each
// cluster's network-status writer reads the kubeconfigs of the others from a file in its
// folder (doubles/networkStatusWriter.ts --peers), so a site linked across clusters
// reports the other cluster's sites in its network. In the network mode Skupper's routers
// report the network, and the file is not read.
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
