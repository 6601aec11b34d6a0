// Pods that answer. kwok plays the pods' lifecycle but runs no containers; here every
// Running and Ready pod with an address stands in for its containers with a TCP server on
// each port they declare, in this namespace and published for the routers' (see
// endpoints.ts). It answers every line it receives with the pod's own name, so a byte
// sent through a Skupper listener comes back naming the pod that served it. A pod that
// stops running closes its servers and drops its connections, as its containers would.
import * as net from "node:net";
import { createInterface } from "node:readline";
import { publish } from "./endpoints";

export interface PodView {
    metadata: {
        name: string;
        namespace: string;
        uid: string;
        deletionTimestamp?: string;
        labels?: Record<string, string>;
    };
    spec?: { nodeName?: string; containers?: { ports?: { containerPort: number; protocol?: string }[] }[] };
    status?: { phase?: string; podIP?: string; conditions?: { type: string; status: string }[] };
}

/** The reply of a pod's server to one line: `<pod name>: <line>`. */
export function answer(podName: string, line: string): string {
    return `${podName}: ${line}`;
}

/** The pod that answered, read from a reply line. */
export function answeredBy(reply: string): string | undefined {
    return /^([a-z0-9.-]+): /.exec(reply)?.[1];
}

export function isServing(pod: PodView): boolean {
    return (
        pod.status?.phase === "Running" &&
        !pod.metadata.deletionTimestamp &&
        Boolean(pod.status.podIP) &&
        (pod.status.conditions ?? []).some((c) => c.type === "Ready" && c.status === "True")
    );
}

function declaredPorts(pod: PodView): number[] {
    const ports = (pod.spec?.containers ?? []).flatMap((c) => c.ports ?? []);
    return [...new Set(ports.filter((p) => (p.protocol ?? "TCP") === "TCP").map((p) => p.containerPort))];
}

interface Serving {
    servers: net.Server[];
    connections: Set<net.Socket>;
}

export class PodServers {
    private readonly serving = new Map<string, Serving>();

    constructor(
        /** The shared folder of published endpoints. */
        private readonly folder: string,
        /** The owner name this namespace publishes under. */
        private readonly owner: string,
        private readonly log: (line: string) => void,
    ) {}

    /** Serves exactly the given pods (those that run no containers of their own here). */
    async sync(pods: PodView[]): Promise<void> {
        const wanted = new Map(pods.filter(isServing).map((p) => [`${p.metadata.uid}@${p.status!.podIP}`, p]));
        for (const [key, serving] of this.serving) {
            if (wanted.has(key)) continue;
            this.serving.delete(key);
            for (const server of serving.servers) server.close();
            for (const connection of serving.connections) connection.destroy();
            this.log(`pod ${key} stopped serving`);
        }
        for (const [key, pod] of wanted) {
            if (this.serving.has(key)) continue;
            const serving: Serving = { servers: [], connections: new Set() };
            this.serving.set(key, serving);
            await this.serve(pod, serving).catch((e) => {
                // Tried again on the next sync (an address a pod that went away still held, say).
                this.log(`pod ${key}: ${String(e)}`);
                this.serving.delete(key);
                for (const server of serving.servers) server.close();
            });
        }
    }

    private async serve(pod: PodView, serving: Serving): Promise<void> {
        const ip = pod.status!.podIP!;
        const handle = (connection: net.Socket) => {
            serving.connections.add(connection);
            connection.on("close", () => serving.connections.delete(connection)).on("error", () => undefined);
            createInterface({ input: connection }).on("line", (line) => {
                // The client may have gone already (a router closing the connection, say).
                if (connection.writable) connection.write(`${answer(pod.metadata.name, line)}\n`, () => undefined);
            });
        };
        for (const port of declaredPorts(pod)) {
            const tcp = net.createServer(handle);
            await new Promise<void>((resolve, reject) => {
                tcp.once("error", reject);
                tcp.listen(port, ip, () => resolve());
            });
            serving.servers.push(tcp, await publish(this.folder, this.owner, ip, port, handle));
        }
        this.log(`pod ${pod.metadata.namespace}/${pod.metadata.name} serves ${ip} on ${declaredPorts(pod).join(", ")}`);
    }

    close(): void {
        void this.sync([]);
    }
}
