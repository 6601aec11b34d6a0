// The local environment as one object: it owns every process it starts from the first
// one on (a failure part-way stops what was started), the mode Skupper runs in, the
// kubeconfig, the environment pulumi runs with, and cleanup. It runs either the local
// control plane of one cluster (startCluster.ts: etcd, kube-apiserver,
// kube-controller-manager, kube-scheduler, kwok, the cloud's load balancers, Skupper's
// controller with its grant server or the emulator, Skupper's data plane or the
// network-status writer) or against an existing cluster given explicitly, where it
// starts nothing and removes only the namespaces it created.
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { KubeAccess, KubeClient } from "./cluster/kubeClient";
import { readKubeconfig } from "./cluster/kubeconfig";
import { createNamespaces, createSite, deleteRunNamespaces } from "./cluster/objects";
import { ProcessSpec, Started } from "./cluster/processes";
import { missingKinds, probeSkupper, SkupperMode, skupperMode } from "./cluster/skupper";
import { RoleRule, teamKubeconfig } from "./cluster/teamKubeconfig";
import { OwnedProcesses, Ready } from "./ownedProcesses";
import { startLocalCluster } from "./startCluster";
import { allocateGrantServer, GrantServer } from "./cluster/grantServer";
import { provideToolchain, Toolchain, toolchainAt } from "./toolchain/toolchain";

export { SkupperMode };

export interface StartOptions {
    log?: (line: string) => void;
    /** "auto" (the default): real when a Skupper controller is available, emulated otherwise. */
    mode?: SkupperMode | "auto";
    /** An existing cluster's kubeconfig (with Skupper installed cluster-wide): nothing is started, the mode is real. */
    kubeconfig?: string;
    toolchain?: Toolchain;
    /** The cluster's name, for the log and the mode line, when there are more than one. */
    name?: string;
}

interface State {
    dir: string;
    kubeconfig: string;
    access: KubeAccess;
    toolchain: string;
    mode: SkupperMode;
    /** How Skupper is played, for the mode line. */
    skupper: string;
    existingCluster: boolean;
    /** The cluster's name, when there are more than one. */
    name?: string;
    /** Where its controller (or the emulator) serves access grants. */
    grantServer?: GrantServer;
    /** Labels the namespaces this run creates; on an existing cluster, their prefix. */
    run: string;
    processes: Started[];
}

export class LocalEnvironment {
    private client: KubeClient;
    /** The processes it started, which the fault tests stop and start by name. */
    readonly processes: OwnedProcesses;

    private constructor(
        private readonly state: State,
        private readonly log: (line: string) => void,
    ) {
        this.client = new KubeClient(state.access);
        this.processes = new OwnedProcesses(state.processes, state.dir, () => this.save(), log);
    }

    get kube(): KubeClient {
        return this.client;
    }
    get mode(): SkupperMode {
        return this.state.mode;
    }
    get kubeconfig(): string {
        return this.state.kubeconfig;
    }
    get dir(): string {
        return this.state.dir;
    }
    get toolchain(): Toolchain {
        return toolchainAt(this.state.toolchain);
    }
    get existingCluster(): boolean {
        return this.state.existingCluster;
    }
    get name(): string | undefined {
        return this.state.name;
    }
    get grantServer(): GrantServer | undefined {
        return this.state.grantServer;
    }

    /** The mode line: `mode: real (Skupper controller 2.2.1 ...)`. */
    describe(): string {
        const cluster = this.state.name ? `cluster ${this.state.name}: ` : "";
        return `${cluster}mode: ${this.state.mode} (${this.state.skupper}${this.state.existingCluster ? `; existing cluster ${this.state.access.server}` : ""})`;
    }

    static async start(options: StartOptions = {}): Promise<LocalEnvironment> {
        const log = options.name
            ? (line: string) => (options.log ?? (() => undefined))(`[${options.name}] ${line}`)
            : (options.log ?? (() => undefined));
        const tools = options.toolchain ?? (await provideToolchain());
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "skupper-pulumi-env-"));
        const run = `r${randomBytes(3).toString("hex")}`;
        if (options.kubeconfig)
            return LocalEnvironment.attachExisting(options.kubeconfig, options.mode, tools, dir, run, log);

        const { mode, description } = skupperMode(options.mode ?? "auto", tools);
        const env = new LocalEnvironment(
            {
                dir,
                run,
                mode,
                kubeconfig: path.join(dir, "kubeconfig"),
                access: { server: "" },
                toolchain: tools.dir,
                skupper: description,
                existingCluster: false,
                name: options.name,
                grantServer: await allocateGrantServer(),
                processes: [],
            },
            log,
        );
        log(env.describe());
        env.processes.own();
        try {
            const launch = (spec: ProcessSpec, ready: Ready) => env.processes.launch(spec, ready);
            const parts = { mode, tools, dir, run, grantServer: env.state.grantServer };
            const { kubeconfig } = await startLocalCluster(launch, parts, log, ({ access, kubeconfig }) => {
                Object.assign(env.state, { access, kubeconfig });
                env.client = new KubeClient(access);
                env.save();
            });
            log(`ready; kubeconfig ${kubeconfig}`);
            return env;
        } catch (e) {
            await env.stop();
            throw e;
        }
    }

    private static async attachExisting(
        kubeconfig: string,
        mode: StartOptions["mode"],
        tools: Toolchain,
        dir: string,
        run: string,
        log: (line: string) => void,
    ): Promise<LocalEnvironment> {
        if (mode === "emulated")
            throw new Error(
                "an existing cluster runs in real mode only: the emulator never plays Skupper beside a real cluster",
            );
        const access = readKubeconfig(kubeconfig);
        const env = new LocalEnvironment(
            {
                dir,
                run,
                mode: "real",
                kubeconfig: path.resolve(kubeconfig),
                access,
                toolchain: tools.dir,
                skupper: "the cluster's own Skupper controller",
                existingCluster: true,
                processes: [],
            },
            log,
        );
        log(env.describe());
        const missing = await missingKinds(env.kube);
        if (missing.length > 0)
            throw new Error(
                `${kubeconfig}: the cluster lacks Skupper's CRDs (${missing.join(", ")}); install Skupper 2.x cluster-wide first`,
            );
        const probeNs = env.namespace("probe");
        await env.createNamespaces(probeNs);
        await probeSkupper(env.kube, probeNs, 60000).catch(async (e) => {
            await env.stop();
            throw new Error(
                `no Skupper controller reconciles attached connectors in ${access.server} (${(e as Error).message})`,
            );
        });
        env.save();
        log("ready");
        return env;
    }

    /** An environment left running by `npm run cluster -- start` or the demo. */
    static resume(dir: string, log: (line: string) => void = () => undefined): LocalEnvironment {
        return new LocalEnvironment(JSON.parse(fs.readFileSync(path.join(dir, "state.json"), "utf8")), log);
    }

    /** Whether this environment is what the options ask for (the same existing cluster, or a local one in the mode asked). */
    satisfies(options: StartOptions): boolean {
        if (options.kubeconfig)
            return this.state.existingCluster && this.state.kubeconfig === path.resolve(options.kubeconfig);
        return (
            !this.state.existingCluster &&
            (options.mode === undefined || options.mode === "auto" || options.mode === this.state.mode)
        );
    }

    /** A namespace name of this run: as given on the local control plane, prefixed with the run on an existing cluster. */
    namespace(base: string): string {
        return this.state.existingCluster ? `${this.state.run}-${base}` : base;
    }

    createNamespaces(...names: string[]): Promise<void> {
        return createNamespaces(this.kube, this.state.run, names);
    }

    createSite(namespace: string, name = "site"): Promise<void> {
        return createSite(this.kube, namespace, name);
    }

    /** A kubeconfig (JSON text) for a ServiceAccount with only the given rights in one namespace. */
    teamKubeconfig(namespace: string, account: string, rules: RoleRule[]): Promise<string> {
        return teamKubeconfig(this.kube, this.state.access, namespace, account, rules);
    }

    /** The environment every pulumi command runs with: the toolchain first on PATH, this cluster, a local backend, no downloads. */
    pulumiEnv(backendDir: string, passphrase: string): Record<string, string> {
        return {
            PATH: `${path.join(this.state.toolchain, "bin")}${path.delimiter}${process.env.PATH}`,
            KUBECONFIG: this.state.kubeconfig,
            PULUMI_BACKEND_URL: `file://${backendDir}`,
            PULUMI_CONFIG_PASSPHRASE: passphrase,
            PULUMI_SKIP_UPDATE_CHECK: "true",
            PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
        };
    }

    /** The process that plays Skupper's controller: the controller itself, or in emulated mode the emulator. */
    get skupperProcess(): string {
        return this.state.mode === "emulated" ? "skupper-emulator" : "skupper-controller";
    }

    /** Stops every process (newest first) and removes the folder; on an existing cluster, deletes the run's namespaces. */
    async stop(): Promise<void> {
        if (this.state.existingCluster)
            await deleteRunNamespaces(this.kube, this.state.run).catch((e) => this.log(`cleanup: ${String(e)}`));
        await this.processes.stopAll();
        fs.rmSync(this.state.dir, { recursive: true, force: true });
    }

    /** Leaves the processes running after this program ends (the demo and `npm run cluster -- start` do). */
    detach(): void {
        this.processes.disown();
    }

    private save(): void {
        fs.writeFileSync(path.join(this.state.dir, "state.json"), JSON.stringify(this.state, null, 2), { mode: 0o600 });
    }
}
