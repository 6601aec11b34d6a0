// One local cluster, started in order: Kubernetes (with Skupper's CRDs before its
// controllers), kwok, the cloud's load balancers, then what plays Skupper (startSkupper.ts).
import { KubeClient } from "./cluster/kubeClient";
import { KubernetesAccess, Launch, startKubernetes } from "./cluster/kubernetes";
import { startKwok } from "./cluster/kwok";
import { createNamespaces } from "./cluster/objects";
import { GrantServer } from "./cluster/grantServer";
import { loadBalancersReady, loadBalancersSpec } from "./cluster/loadBalancers";
import { CONTROLLER_NAMESPACE, crdsFor, installCrds, SkupperMode } from "./cluster/skupper";
import { addressRanges, startSkupper } from "./startSkupper";
import { Toolchain } from "./toolchain/toolchain";

export interface ClusterParts {
    mode: SkupperMode;
    tools: Toolchain;
    dir: string;
    /** Labels the namespaces the environment creates. */
    run: string;
    grantServer?: GrantServer;
}

/** Starts the cluster; `apiServerUp` learns its access as soon as the API server works, so that a failure later stops it all. */
export async function startLocalCluster(
    launch: Launch,
    { mode, tools, dir, run, grantServer }: ClusterParts,
    log: (line: string) => void,
    apiServerUp: (access: KubernetesAccess) => void,
): Promise<KubernetesAccess> {
    const { crds, source } = crdsFor(tools);
    const started = await startKubernetes(launch, tools, dir, log, async (kube) => {
        log(`installing the Skupper CRDs: ${source}`);
        await installCrds(kube, crds);
    });
    apiServerUp(started);
    const { kubeconfig } = started;
    const kube = new KubeClient(started.access);
    const addresses = addressRanges(mode);
    await startKwok(launch, tools, kubeconfig, kube, log, addresses.pods);
    log(`starting the cloud's load balancers (addresses in ${addresses.loadBalancers}.0/24)`);
    await launch(loadBalancersSpec(kubeconfig, addresses.loadBalancers), loadBalancersReady);
    await createNamespaces(kube, run, [CONTROLLER_NAMESPACE]);
    await startSkupper(launch, { mode, tools, kubeconfig, kube, dir, grantServer }, log);
    return started;
}
