// Traffic as a client in the cluster sends it, for the tests and the demo: to a Service
// (the one Skupper creates for a Listener), at the address of a ready pod behind it, as
// kube-proxy would pick one. Every address is a loopback address (see endpoints.ts).
import * as fs from "node:fs";
import * as net from "node:net";
import * as path from "node:path";
import { KubeClient } from "../cluster/kubeClient";
import { dataPlaneFolders } from "./dataPlane";
import { answeredBy, isServing, PodView } from "./podServers";
import { podFolder, ROUTER_POD_SELECTOR } from "./routerPods";
import { ContainerState } from "./sandbox";

export interface RoundTrip {
    /** Where the line was sent: the Service and the pod address behind it. */
    to: string;
    sent: string;
    /** The reply line, or undefined when the connection closed or timed out without one. */
    reply: string | undefined;
    /** The pod that answered, read from the reply. */
    pod: string | undefined;
    /** Why there was no reply. */
    failure?: string;
}

interface ServiceView {
    spec: {
        selector?: Record<string, string>;
        ports: { name?: string; port: number; targetPort?: number | string }[];
    };
}

type ServedPod = Omit<PodView, "spec"> & {
    spec: { containers?: { ports?: { name?: string; containerPort: number }[] }[] };
};

/**
 * A ready pod's address and the target port behind a Service's port, picked as kube-proxy
 * would from the Service's selector. (Kubernetes refuses loopback addresses in
 * EndpointSlices, so the slices of this environment's Services stay empty: the pods are
 * found by the selector instead.)
 */
export async function serviceEndpoint(
    kube: KubeClient,
    namespace: string,
    service: string,
    port: number,
): Promise<{ ip: string; port: number }> {
    const svc = await kube.get<ServiceView>(`/api/v1/namespaces/${namespace}/services/${service}`);
    const servicePort = svc.spec.ports.find((p) => p.port === port);
    if (!servicePort) throw new Error(`service ${namespace}/${service} has no port ${port}`);
    const selector = Object.entries(svc.spec.selector ?? {})
        .map(([k, v]) => `${k}=${v}`)
        .join(",");
    const pods = await kube.get<{ items: ServedPod[] }>(
        `/api/v1/namespaces/${namespace}/pods?labelSelector=${encodeURIComponent(selector)}`,
    );
    const pod = pods.items.find(isServing);
    if (!selector || !pod) throw new Error(`service ${namespace}/${service} has no ready pod behind it`);
    const target = servicePort.targetPort ?? port;
    const targetPort =
        typeof target === "number"
            ? target
            : (pod.spec.containers ?? []).flatMap((c) => c.ports ?? []).find((p) => p.name === target)?.containerPort;
    if (!targetPort) throw new Error(`service ${namespace}/${service}: no container port named ${target}`);
    return { ip: pod.status!.podIP!, port: targetPort };
}

/**
 * Sends one line to ip:port and reads one line back (or the reason there is none). The
 * connection stays open until `closeAfter` settles, so that connections sent together
 * are open together, and a router spreads them over its connectors.
 */
export function roundTrip(
    ip: string,
    port: number,
    line: string,
    options: { timeoutMs?: number; closeAfter?: Promise<unknown> } = {},
): Promise<RoundTrip> {
    const { timeoutMs = 5000, closeAfter = Promise.resolve() } = options;
    const to = `${ip}:${port}`;
    return new Promise((resolve) => {
        const socket = net.connect(port, ip);
        let buffer = "";
        let settled = false;
        const done = (reply: string | undefined, failure?: string) => {
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            void closeAfter.finally(() => socket.destroy());
            resolve({ to, sent: line, reply, pod: reply ? answeredBy(reply) : undefined, failure });
        };
        const timer = setTimeout(() => done(undefined, `no reply within ${timeoutMs} ms`), timeoutMs);
        socket.setEncoding("utf8");
        socket.on("connect", () => socket.write(`${line}\n`));
        socket.on("data", (chunk: string) => {
            buffer += chunk;
            const end = buffer.indexOf("\n");
            if (end >= 0) done(buffer.slice(0, end));
        });
        socket.on("error", (e) => done(undefined, e.message));
        socket.on("close", () => done(undefined, "closed without a reply"));
    });
}

/**
 * Lines through a Service, as clients in the cluster would send them: all connections
 * open at once, each closed once every one has its reply.
 */
export async function sendThroughService(
    kube: KubeClient,
    target: { namespace: string; service: string; port: number },
    lines: string[],
    timeoutMs?: number,
): Promise<RoundTrip[]> {
    const { namespace, service, port } = target;
    const endpoint = await serviceEndpoint(kube, namespace, service, port);
    let release = () => undefined as void;
    const closeAfter = new Promise<void>((resolve) => (release = resolve));
    const trips = lines.map((line) => roundTrip(endpoint.ip, endpoint.port, line, { timeoutMs, closeAfter }));
    const results = await Promise.all(trips);
    release();
    return results.map((r) => ({ ...r, to: `${namespace}/${service}:${port} (${r.to})` }));
}

/** The running router pod of a site namespace and its containers as its sandbox reports them. */
export async function routerContainers(
    kube: KubeClient,
    envDir: string,
    namespace: string,
): Promise<{ pod: string; containers: Record<string, ContainerState> }> {
    const pods = await kube.get<{ items: PodView[] }>(
        `/api/v1/namespaces/${namespace}/pods?labelSelector=${encodeURIComponent(ROUTER_POD_SELECTOR)}`,
    );
    const pod = pods.items.find(isServing);
    if (!pod) throw new Error(`no router pod runs in ${namespace}`);
    const file = path.join(podFolder(dataPlaneFolders(envDir).pods, namespace, pod.metadata.name), "containers.json");
    const containers = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : {};
    return { pod: pod.metadata.name, containers };
}
