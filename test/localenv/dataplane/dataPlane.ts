// Skupper's data plane on this machine, as one process of the local environment (the
// data-plane mode): it follows the cluster's pods, runs Skupper's router and kube-adaptor
// for every router pod (routerPods.ts), serves every other pod (podServers.ts), and ties
// the namespaces together with the pod network (endpoints.ts): the API server is
// published for the router pods, and the router pods' ports are bound here.
//   dataPlane.ts --kubeconfig FILE --dir FOLDER --router SKROUTERD --adaptor KUBE_ADAPTOR
import * as fs from "node:fs";
import * as net from "node:net";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { KubeClient } from "../cluster/kubeClient";
import { readKubeconfig } from "../cluster/kubeconfig";
import { peerKubeconfigs, PEERS_FILE } from "../clusterPeers";
import { EndpointImporter, LOAD_BALANCER_OWNER, pipeBoth, publish } from "./endpoints";
import { LoadBalancerRoutes } from "./loadBalancerRoutes";
import { PodServers, PodView } from "./podServers";
import { HOST, ROUTER_POD_SELECTOR, RouterPod, RouterPods } from "./routerPods";

/** Where the data plane keeps its folders, under the environment's folder. */
export function dataPlaneFolders(envDir: string): { endpoints: string; pods: string; ready: string } {
    return {
        endpoints: path.join(envDir, "net"),
        pods: path.join(envDir, "pods"),
        ready: path.join(envDir, "data-plane.ready"),
    };
}

async function main(): Promise<void> {
    const { values } = parseArgs({
        options: {
            kubeconfig: { type: "string" },
            dir: { type: "string" },
            router: { type: "string" },
            adaptor: { type: "string" },
        },
    });
    const log = (line: string) => console.log(`[${new Date().toISOString()}] ${line}`);
    const access = readKubeconfig(values.kubeconfig!);
    const kube = new KubeClient(access);
    const folders = dataPlaneFolders(values.dir!);
    fs.mkdirSync(folders.pods, { recursive: true });

    const api = new URL(access.server);
    await publish(folders.endpoints, HOST, api.hostname, Number(api.port), (client) =>
        pipeBoth(client, net.connect(Number(api.port), api.hostname)),
    );
    const importer = new EndpointImporter(folders.endpoints, HOST, log);
    importer.start();
    const servers = new PodServers(folders.endpoints, HOST, log);
    const binaries = { router: values.router!, adaptor: values.adaptor! };
    const routers = new RouterPods(kube, access, binaries, { ...folders, environment: values.dir! }, log);
    const balancers = new LoadBalancerRoutes(
        kube,
        folders.endpoints,
        () =>
            peerKubeconfigs(path.join(values.dir!, PEERS_FILE)).map(
                (kubeconfig) => dataPlaneFolders(path.dirname(kubeconfig)).endpoints,
            ),
        `${LOAD_BALANCER_OWNER}${path.basename(values.dir!)}`,
        log,
    );
    const stop = () => {
        balancers.close();
        routers.stopAll();
        servers.close();
        importer.stop();
        setTimeout(() => process.exit(0), 500);
    };
    process.on("SIGTERM", stop).on("SIGINT", stop);
    // One connection's failure must not take the pods and the routers down with it.
    process.on("uncaughtException", (e) => log(`uncaught: ${e.stack ?? String(e)}`));

    const selector = ROUTER_POD_SELECTOR.split("=");
    const isRouter = (pod: PodView) => pod.metadata.labels?.[selector[0]] === selector[1];
    for (let ready = false; ;) {
        try {
            const pods = (await kube.get<{ items: PodView[] }>("/api/v1/pods")).items;
            await routers.sync(pods.filter(isRouter) as RouterPod[]);
            await servers.sync(pods.filter((p) => !isRouter(p)));
            await balancers.sync();
            if (!ready) fs.writeFileSync(folders.ready, new Date().toISOString());
            ready = true;
        } catch (e) {
            log(`sync: ${String(e)}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 300));
    }
}

if (require.main === module) {
    main().catch((e) => {
        console.error(e);
        process.exit(1);
    });
}
