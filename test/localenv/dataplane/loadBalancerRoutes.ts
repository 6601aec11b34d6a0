// What a cloud's load balancer does with its address, in the data-plane mode: a
// connection to a LoadBalancer Service's address and port reaches a ready pod behind it.
// Sites of the environment's other clusters link to this cluster's sites there, so each
// address is published (endpoints.ts) in their pod networks, whose folders the peers file
// names (../clusterPeers.ts); each connection is piped to the pod's port as this
// cluster's pod network publishes it. Every byte stays on loopback addresses.
import * as net from "node:net";
import { KubeClient } from "../cluster/kubeClient";
import { listEndpoints, pipeBoth, publish } from "./endpoints";
import { serviceEndpoint } from "./traffic";

interface BalancedService {
    metadata: { namespace: string; name: string };
    spec: { type?: string; ports?: { port: number }[] };
    status?: { loadBalancer?: { ingress?: { ip?: string }[] } };
}

export class LoadBalancerRoutes {
    /** Published addresses, by `<folder> <ip>:<port>`, with the pod socket each connection goes to. */
    private readonly routes = new Map<string, { server: net.Server; target: { socket?: string } }>();

    constructor(
        private readonly kube: KubeClient,
        private readonly ownFolder: string,
        /** The pod-network folders of the other clusters, as they are now. */
        private readonly peerFolders: () => string[],
        private readonly owner: string,
        private readonly log: (line: string) => void,
    ) {}

    async sync(): Promise<void> {
        const services = (await this.kube.get<{ items: BalancedService[] }>("/api/v1/services")).items.filter(
            (s) => s.spec.type === "LoadBalancer" && s.status?.loadBalancer?.ingress?.[0]?.ip,
        );
        const published = listEndpoints(this.ownFolder);
        const folders = this.peerFolders();
        const wanted = new Map<string, string | undefined>();
        for (const service of services) {
            const ip = service.status!.loadBalancer!.ingress![0].ip!;
            for (const { port } of service.spec.ports ?? []) {
                const pod = await serviceEndpoint(
                    this.kube,
                    service.metadata.namespace,
                    service.metadata.name,
                    port,
                ).catch(() => undefined);
                const socket = pod && published.find((e) => e.ip === pod.ip && e.port === pod.port)?.socket;
                for (const folder of folders) wanted.set(`${folder} ${ip}:${port}`, socket);
            }
        }
        for (const [key, route] of this.routes) {
            if (wanted.has(key)) continue;
            route.server.close();
            this.routes.delete(key);
        }
        for (const [key, socket] of wanted) {
            const existing = this.routes.get(key);
            if (existing) {
                existing.target.socket = socket;
                continue;
            }
            const [folder, address] = key.split(" ");
            const [ip, port] = address.split(":");
            const target = { socket };
            // No ready pod behind it: the connection is refused, as a load balancer with no healthy backend does.
            const server = await publish(folder, this.owner, ip, Number(port), (client) =>
                target.socket ? pipeBoth(client, net.connect(target.socket)) : client.destroy(),
            ).catch((e) => {
                this.log(`cannot publish ${address} in ${folder}: ${(e as Error).message}`);
                return undefined;
            });
            if (server) this.routes.set(key, { server, target });
        }
    }

    close(): void {
        for (const route of this.routes.values()) route.server.close();
        this.routes.clear();
    }
}
