// The tier's second cluster ("b"), for the cases of one Skupper network across two
// clusters: started the first time a case asks for it, in the first cluster's mode and
// with its toolchain, and stopped with the tier. A case on an existing cluster, where
// there is no second, is not run (modes.ts names it).
import { joinClusters } from "../localenv/clusterPeers";
import { LocalEnvironment } from "../localenv/environment";
import { podProcesses } from "../localenv/dataplane/podProcesses";
import { atTierEnd, e2e } from "./harness";
import { caseNotRunWith } from "./modes";

let second: Promise<LocalEnvironment> | undefined;

const log = (line: string) => console.error(`      [e2e] ${line}`);

/** Cluster b; in the existing-cluster mode the case is skipped and named. */
export function secondCluster(context: Mocha.Context): Promise<LocalEnvironment> {
    const { env, toolchain } = e2e();
    if (env.existingCluster) caseNotRunWith(context, "an existing cluster: the tier has no second cluster there");
    if (!second) {
        second = LocalEnvironment.start({ mode: env.mode, toolchain, log, name: "b" }).then((b) => {
            joinClusters([env, b]);
            return b;
        });
        atTierEnd(stopSecondCluster);
    }
    return second;
}

/** Stops cluster b, if it was started; fails when a router pod's process outlives it. */
async function stopSecondCluster(): Promise<void> {
    if (!second) return;
    const env = await second.catch(() => undefined);
    second = undefined;
    if (!env) return;
    await env.stop();
    const left = podProcesses(env.dir);
    if (left.length > 0) throw new Error(`processes of cluster b's router pods outlived it: ${JSON.stringify(left)}`);
}
