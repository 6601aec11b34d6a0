// One router pod, run as a kubelet would run it: this program is the first process of
// the pod's own PID, network and mount namespaces (routerPods.ts starts it under
// `unshare`), so when it ends every container of the pod ends with it, and the pod's
// network and its /etc/skupper-router-certs (an overlay, like the pod's emptyDir
// volume) vanish too. It runs the init containers to completion, then the containers,
// restarting any that exits; it brings the pod network into the namespace and publishes
// the ports the containers listen on at the pod's address.
import { ChildProcess, execFileSync, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import * as path from "node:path";
import { EndpointImporter, LOAD_BALANCER_OWNER, pipeBoth, publish } from "./endpoints";
import { MARKS } from "./podProcesses";

export interface ContainerSpec {
    name: string;
    binary: string;
    args: string[];
    env: Record<string, string>;
    /** As the router image's launch script does: this file, with ${VAR}s expanded from env, is written to `to` at every start. */
    expandConfig?: { from: string; to: string };
}

export interface SandboxSpec {
    pod: { namespace: string; name: string; ip: string };
    /** The shared folder of published endpoints, the name this pod publishes under, and the one it binds from. */
    endpoints: string;
    owner: string;
    imports: string;
    /** The ports the pod's containers declare: never bound for others' endpoints, or the containers could not listen. */
    ownPorts: number[];
    /** The pod's own folder: container logs, the overlay, containers.json. */
    dir: string;
    initContainers: ContainerSpec[];
    containers: ContainerSpec[];
}

/** What containers.json says of each container. */
export interface ContainerState {
    running: boolean;
    restarts: number;
    startedAt: string | undefined;
}

const VOLUMES = ["/etc/skupper-router-certs", "/etc/skupper-router-proxies"];

function main(specFile: string): void {
    const spec: SandboxSpec = JSON.parse(fs.readFileSync(specFile, "utf8"));
    const log = (line: string) => console.log(`[${new Date().toISOString()}] ${line}`);
    execFileSync("ip", ["link", "set", "lo", "up"]);
    const upper = path.join(spec.dir, "etc");
    fs.mkdirSync(path.join(upper, "upper"), { recursive: true });
    fs.mkdirSync(path.join(upper, "work"), { recursive: true });
    execFileSync("mount", [
        "-t",
        "overlay",
        "overlay",
        "-o",
        `lowerdir=/etc,upperdir=${upper}/upper,workdir=${upper}/work`,
        "/etc",
    ]);
    for (const volume of VOLUMES) fs.mkdirSync(volume, { recursive: true });

    // Only what the host publishes (the API server, the pods that answer): a router binds
    // its ports on every address of its namespace, so it cannot reach others' endpoints on
    // those ports, and a binding made first would keep the router from listening.
    const importer = new EndpointImporter(
        spec.endpoints,
        spec.owner,
        log,
        // Another cluster's load balancer has an address of its own, so it may share a port
        // with the pod: bound here unless the pod's router listens on that port on every
        // address (a site that accepts links), where the bind is refused and logged.
        (e) => (e.owner === spec.imports && !spec.ownPorts.includes(e.port)) || e.owner.startsWith(LOAD_BALANCER_OWNER),
    );
    const pod = new Pod(spec, log);
    process.on("SIGTERM", () => void pod.stop().then(() => process.exit(0)));
    process.on("SIGINT", () => void pod.stop().then(() => process.exit(0)));
    // A failed connection of the pod network must not end the pod.
    process.on("uncaughtException", (e) => log(`uncaught: ${e.stack ?? String(e)}`));
    void importer
        .sync()
        .then(() => {
            importer.start();
            new PortPublisher(spec, log).start();
            return pod.run();
        })
        .catch((e) => {
            log(`pod failed: ${String(e)}`);
            process.exit(1);
        });
}

class Pod {
    private readonly running = new Map<string, ChildProcess>();
    private readonly states: Record<string, ContainerState> = {};
    private stopping = false;

    constructor(
        private readonly spec: SandboxSpec,
        private readonly log: (line: string) => void,
    ) {}

    async run(): Promise<void> {
        for (const init of this.spec.initContainers) {
            for (let attempt = 1; ; attempt++) {
                const code = await new Promise<number | null>((resolve) => this.start(init).on("exit", resolve));
                if (code === 0 || this.stopping) break;
                this.log(`init container ${init.name} exited with ${code}; retrying`);
                await sleep(backoff(attempt));
            }
        }
        for (const container of this.spec.containers) this.keepRunning(container);
    }

    private keepRunning(container: ContainerSpec, failures = 0): void {
        const startedAt = Date.now();
        this.start(container).on("exit", (code, signal) => {
            if (this.stopping) return;
            // A container that ran ten minutes starts its back-off afresh, as a kubelet's does.
            const next = Date.now() - startedAt > 600000 ? 1 : failures + 1;
            this.log(`container ${container.name} exited (${signal ?? code}); restarting in ${backoff(next)} ms`);
            setTimeout(() => this.keepRunning(container, next), backoff(next));
        });
    }

    private start(container: ContainerSpec): ChildProcess {
        const out = fs.openSync(path.join(this.spec.dir, `${container.name}.log`), "a");
        // The cluster's credentials only where the pod gives them (the adaptor's token).
        const env: NodeJS.ProcessEnv = { ...process.env, KUBECONFIG: undefined };
        Object.assign(env, container.env, { HOSTNAME: this.spec.pod.name, [MARKS.container]: container.name });
        if (container.expandConfig) expandConfig(container.expandConfig, env);
        const child = spawn(container.binary, container.args, { env, stdio: ["ignore", out, out], cwd: this.spec.dir });
        fs.closeSync(out);
        const previous = this.states[container.name];
        this.states[container.name] = {
            running: true,
            restarts: previous ? previous.restarts + 1 : 0,
            startedAt: new Date().toISOString(),
        };
        this.running.set(container.name, child);
        child.on("exit", () => {
            if (this.running.get(container.name) === child) this.running.delete(container.name);
            this.states[container.name].running = false;
            this.save();
        });
        child.on("error", (e) => this.log(`container ${container.name}: ${e.message}`));
        this.save();
        this.log(`container ${container.name} started (pid ${child.pid})`);
        return child;
    }

    async stop(): Promise<void> {
        this.stopping = true;
        for (const child of this.running.values()) child.kill("SIGTERM");
        const deadline = Date.now() + 3000;
        while (this.running.size > 0 && Date.now() < deadline) await sleep(50);
    }

    private save(): void {
        const file = path.join(this.spec.dir, "containers.json");
        fs.writeFileSync(`${file}.tmp`, JSON.stringify(this.states, null, 2));
        fs.renameSync(`${file}.tmp`, file);
    }
}

/** The delay before the n-th restart: 1 s, then doubling from 2 s up to 30 s (a kubelet's back-off, shortened). */
export function backoff(failures: number): number {
    return failures <= 1 ? 1000 : Math.min(30000, 1000 * 2 ** (failures - 1));
}

/** ${NAME} replaced by the container's environment, as the router image's launch script does. */
export function expandVariables(text: string, env: Record<string, string | undefined>): string {
    return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (whole, name: string) => env[name] ?? whole);
}

function expandConfig({ from, to }: { from: string; to: string }, env: NodeJS.ProcessEnv): void {
    fs.writeFileSync(to, expandVariables(fs.readFileSync(from, "utf8"), env));
}

/**
 * Publishes, at the pod's address, every port a container listens on for all addresses
 * (as the pod's IP would carry it), and withdraws those no longer listened on. Ports
 * bound to 127.0.0.1 only (the router's AMQP port for its adaptor) stay inside the pod.
 */
class PortPublisher {
    private readonly published = new Map<number, net.Server>();

    constructor(
        private readonly spec: SandboxSpec,
        private readonly log: (line: string) => void,
    ) {}

    start(): void {
        const tick = async () => {
            const ports = new Set(listeningOnAllAddresses());
            for (const [port, server] of this.published) {
                if (ports.has(port)) continue;
                server.close();
                this.published.delete(port);
            }
            for (const port of ports) {
                if (this.published.has(port)) continue;
                const server = await publish(this.spec.endpoints, this.spec.owner, this.spec.pod.ip, port, (client) =>
                    pipeBoth(client, net.connect(port, "127.0.0.1")),
                );
                this.published.set(port, server);
            }
        };
        const loop = () =>
            void tick()
                .catch((e) => this.log(`publishing the pod's ports: ${String(e)}`))
                .finally(() => setTimeout(loop, 300));
        loop();
    }
}

/** TCP ports in LISTEN state on 0.0.0.0 or ::, from this network namespace's /proc/net. */
export function listeningOnAllAddresses(read = (file: string) => fs.readFileSync(file, "utf8")): number[] {
    const ports = new Set<number>();
    for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
        let text: string;
        try {
            text = read(file);
        } catch {
            continue;
        }
        for (const line of text.split("\n").slice(1)) {
            const [, local, , state] = line.trim().split(/\s+/);
            if (state !== "0A" || !local) continue;
            const [address, port] = local.split(":");
            if (/^0+$/.test(address)) ports.add(parseInt(port, 16));
        }
    }
    return [...ports].sort((a, b) => a - b);
}

function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

if (require.main === module) main(process.argv[2]);
