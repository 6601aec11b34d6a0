// The pod network of the data-plane mode. Every pod address is a loopback address
// (kwok's --cidr), and each router pod runs in a network namespace of its own, with a
// loopback of its own. An address served in one namespace is published as a Unix
// socket, `<folder>/<owner>/<ip>_<port>`, in a folder every namespace sees; every other
// namespace binds <ip>:<port> on its own loopback and pipes each connection to that
// socket. So a router reaches the pods and the API server, a test reaches the routers,
// and every byte sent travels between loopback addresses only.
import * as fs from "node:fs";
import * as net from "node:net";
import * as path from "node:path";

/** The owners of the load balancers' addresses (loadBalancerRoutes.ts) start with this. */
export const LOAD_BALANCER_OWNER = "load-balancers-";

export interface Endpoint {
    owner: string;
    ip: string;
    port: number;
    socket: string;
}

/** A server that answers on a Unix socket published for <ip>:<port>; close() removes it. */
export function publish(
    folder: string,
    owner: string,
    ip: string,
    port: number,
    handle: (connection: net.Socket) => void,
): Promise<net.Server> {
    const dir = path.join(folder, owner);
    fs.mkdirSync(dir, { recursive: true });
    const socket = path.join(dir, `${ip}_${port}`);
    fs.rmSync(socket, { force: true });
    const server = net.createServer(handle);
    server.on("close", () => fs.rmSync(socket, { force: true }));
    return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(socket, () => resolve(server));
    });
}

/** Every endpoint published in the folder, by every owner. */
export function listEndpoints(folder: string): Endpoint[] {
    if (!fs.existsSync(folder)) return [];
    const found: Endpoint[] = [];
    for (const owner of fs.readdirSync(folder)) {
        const dir = path.join(folder, owner);
        if (!fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) continue;
        for (const name of fs.readdirSync(dir)) {
            const match = /^(\d+\.\d+\.\d+\.\d+)_(\d+)$/.exec(name);
            if (match) found.push({ owner, ip: match[1], port: Number(match[2]), socket: path.join(dir, name) });
        }
    }
    return found;
}

/** Pipes a connection both ways to another stream; either side closing closes both. */
export function pipeBoth(a: net.Socket, b: net.Socket): void {
    a.pipe(b);
    b.pipe(a);
    const end = () => {
        a.destroy();
        b.destroy();
    };
    a.on("error", end).on("close", end);
    b.on("error", end).on("close", end);
}

/**
 * Binds, in the namespace this process runs in, every endpoint that other owners publish,
 * and unbinds those that went away. `sync()` once, or `start()` to follow the folder.
 */
export class EndpointImporter {
    private readonly bound = new Map<string, net.Server>();
    private readonly reported = new Set<string>();
    private timer: NodeJS.Timeout | undefined;

    constructor(
        private readonly folder: string,
        private readonly self: string,
        private readonly log: (line: string) => void = () => undefined,
        /** Which of the others' endpoints to bind; all by default. */
        private readonly wanted: (endpoint: Endpoint) => boolean = () => true,
    ) {}

    async sync(): Promise<void> {
        const wanted = new Map(
            listEndpoints(this.folder)
                .filter((e) => e.owner !== this.self && this.wanted(e))
                .map((e) => [`${e.ip}:${e.port}`, e]),
        );
        for (const [key, server] of this.bound) {
            if (wanted.has(key)) continue;
            server.close();
            this.bound.delete(key);
        }
        for (const [key, endpoint] of wanted) {
            if (this.bound.has(key)) continue;
            const server = net.createServer((client) => pipeBoth(client, net.connect(endpoint.socket)));
            try {
                await new Promise<void>((resolve, reject) => {
                    server.once("error", reject);
                    server.listen(endpoint.port, endpoint.ip, () => resolve());
                });
                this.bound.set(key, server);
            } catch (e) {
                if (!this.reported.has(key))
                    this.log(`cannot bind ${key} (from ${endpoint.owner}): ${(e as Error).message}`);
                this.reported.add(key);
            }
        }
    }

    start(intervalMs = 200): void {
        const tick = () =>
            this.sync()
                .catch((e) => this.log(`endpoint sync: ${String(e)}`))
                .finally(() => (this.timer = setTimeout(tick, intervalMs)));
        tick();
    }

    stop(): void {
        if (this.timer) clearTimeout(this.timer);
        for (const server of this.bound.values()) server.close();
        this.bound.clear();
    }
}
