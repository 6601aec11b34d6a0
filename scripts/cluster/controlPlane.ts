// The local control plane: etcd, kube-apiserver (token auth, RBAC), kube-controller-
// manager, the Skupper CRDs and the Skupper controller (out of cluster, watching every
// namespace), all on loopback with free ports in one temporary folder.
import { execFileSync } from "node:child_process";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { KubeAccess, KubeClient, paths } from "./kubeClient";
import { freePort, isRunning, Started, startProcess, stopProcess, waitFor } from "./processes";

const repoRoot = path.resolve(__dirname, "../..");

export interface ControlPlaneState {
    dir: string;
    kubeconfig: string;
    access: KubeAccess;
    /** The namespace the Skupper controller runs as (its own). */
    skupperNamespace: string;
    processes: Started[];
}

export interface StartOptions {
    /** Start the Skupper controller and install its CRDs (default true). */
    skupper?: boolean;
    /** The toolchain folder, when the caller has provided it already. */
    toolchain?: string;
    log?: (line: string) => void;
}

/** Builds or finds the pinned toolchain; returns its folder (whose bin/ has every tool). */
export function toolchainDir(log: (line: string) => void = () => undefined): string {
    log("providing the toolchain (scripts/toolchain/install.sh) ...");
    const out = execFileSync("bash", [path.join(repoRoot, "scripts/toolchain/install.sh")], {
        stdio: ["ignore", "pipe", "inherit"],
        encoding: "utf8",
    });
    return out.trim().split("\n").pop()!;
}

export async function startControlPlane(options: StartOptions = {}): Promise<ControlPlaneState> {
    const log = options.log ?? (() => undefined);
    const wantSkupper = options.skupper ?? true;
    const tools = options.toolchain ?? toolchainDir(log);
    const bin = (name: string) => path.join(tools, "bin", name);
    if (wantSkupper && !fs.existsSync(bin("skupper-controller"))) {
        throw new Error("the Skupper controller is not in the toolchain (see the toolchain's output above); " +
            "set SKUPPER_CONTROLLER and SKUPPER_CRDS to a controller built elsewhere and its CRDs, and run again");
    }

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "skupper-pulumi-cluster-"));
    const state: ControlPlaneState = {
        dir,
        kubeconfig: path.join(dir, "kubeconfig"),
        access: { server: "", token: randomBytes(24).toString("hex"), ca: "" },
        skupperNamespace: "skupper",
        processes: [],
    };
    const remember = (started: Started) => {
        state.processes.push(started);
        saveState(state);
        return started;
    };

    try {
        const [etcdPort, peerPort, apiPort] = [await freePort(), await freePort(), await freePort()];
        log(`starting etcd on 127.0.0.1:${etcdPort}`);
        const etcdUrl = `http://127.0.0.1:${etcdPort}`;
        const etcd = remember(startProcess("etcd", bin("etcd"), [
            "--name=local", `--data-dir=${path.join(dir, "etcd")}`,
            `--listen-client-urls=${etcdUrl}`, `--advertise-client-urls=${etcdUrl}`,
            `--listen-peer-urls=http://127.0.0.1:${peerPort}`, `--initial-advertise-peer-urls=http://127.0.0.1:${peerPort}`,
            `--initial-cluster=local=http://127.0.0.1:${peerPort}`, "--log-level=warn",
        ], dir));
        await waitFor("etcd", async () => ((await fetch(`${etcdUrl}/health`)).ok ? true : undefined), 30000, etcd);

        log(`starting kube-apiserver on 127.0.0.1:${apiPort}`);
        const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
        const saKey = path.join(dir, "service-account.key");
        fs.writeFileSync(saKey, privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600 });
        fs.writeFileSync(path.join(dir, "service-account.pub"), publicKey.export({ type: "spki", format: "pem" }));
        const tokens = path.join(dir, "tokens.csv");
        fs.writeFileSync(tokens, `${state.access.token},admin,admin,"system:masters"\n`, { mode: 0o600 });
        const certDir = path.join(dir, "pki");
        const apiserver = remember(startProcess("kube-apiserver", bin("kube-apiserver"), [
            `--etcd-servers=${etcdUrl}`, "--bind-address=127.0.0.1", "--advertise-address=127.0.0.1",
            `--secure-port=${apiPort}`, `--cert-dir=${certDir}`, `--token-auth-file=${tokens}`,
            "--authorization-mode=RBAC", "--service-account-issuer=https://kubernetes.default.svc",
            `--service-account-key-file=${saKey}`, `--service-account-signing-key-file=${saKey}`,
            "--service-cluster-ip-range=10.96.0.0/24", "--allow-privileged=false",
        ], dir));
        state.access.server = `https://127.0.0.1:${apiPort}`;
        // The API server writes a self-signed serving certificate (and its CA) here.
        state.access.ca = await waitFor("kube-apiserver certificate", async () => {
            const cert = path.join(certDir, "apiserver.crt");
            return fs.existsSync(cert) && fs.statSync(cert).size > 0 ? fs.readFileSync(cert, "utf8") : undefined;
        }, 60000, apiserver);
        const kube = new KubeClient(state.access);
        await waitFor("kube-apiserver", async () => ((await kube.get("/readyz")) === "ok" ? true : undefined), 120000, apiserver);
        writeKubeconfig(state);
        saveState(state);

        log("starting kube-controller-manager");
        const kcm = remember(startProcess("kube-controller-manager", bin("kube-controller-manager"), [
            `--kubeconfig=${state.kubeconfig}`, "--leader-elect=false", "--secure-port=0",
            `--service-account-private-key-file=${saKey}`, `--root-ca-file=${path.join(certDir, "apiserver.crt")}`,
            "--use-service-account-credentials=false", "--controllers=*,-nodeipam,-nodelifecycle,-cloud-node-lifecycle",
        ], dir));
        // Its ServiceAccount controller creating `default` in each namespace shows it works.
        await waitFor("kube-controller-manager", async () => (await kube.find(paths.serviceAccount("default", "default"))) ? true : undefined, 120000, kcm);

        if (wantSkupper) await startSkupper(state, kube, tools, remember, log);
        saveState(state);
        log(`control plane ready; kubeconfig: ${state.kubeconfig}`);
        return state;
    } catch (e) {
        await stopControlPlane(state);
        throw e;
    }
}

async function startSkupper(state: ControlPlaneState, kube: KubeClient, tools: string, remember: (s: Started) => Started, log: (line: string) => void) {
    const { load } = await import("js-yaml");
    const crdDir = path.join(tools, "skupper-crds");
    const crds = fs.readdirSync(crdDir).filter((f) => f.endsWith(".yaml"));
    log(`installing ${crds.length} Skupper CRDs`);
    for (const file of crds) {
        await kube.ensure(paths.crds, load(fs.readFileSync(path.join(crdDir, file), "utf8")) as { metadata: { name: string } });
    }
    await waitFor("Skupper CRDs", async () => {
        const list = await kube.get<{ items: { status?: { conditions?: { type: string; status: string }[] } }[] }>(paths.crds);
        const established = list.items.filter((c) => c.status?.conditions?.some((x) => x.type === "Established" && x.status === "True"));
        return established.length >= crds.length ? true : undefined;
    }, 60000);
    await kube.ensure(paths.namespaces, { metadata: { name: state.skupperNamespace } });

    log("starting the Skupper controller (cluster-wide)");
    const controller = remember(startProcess("skupper-controller", path.join(tools, "bin", "skupper-controller"), [
        `--kubeconfig=${state.kubeconfig}`,
    ], state.dir, {
        KUBECONFIG: state.kubeconfig,
        NAMESPACE: state.skupperNamespace,
        CONTROLLER_NAME: "skupper-controller",
        SKUPPER_METRICS_DISABLE: "true",
        WATCH_NAMESPACE: "",
    }));
    await waitFor("Skupper controller", async () => (isRunning(controller.pid) ? true : undefined), 5000, controller);
}

function writeKubeconfig(state: ControlPlaneState): void {
    const ca = Buffer.from(state.access.ca).toString("base64");
    const config = {
        apiVersion: "v1",
        kind: "Config",
        clusters: [{ name: "local", cluster: { server: state.access.server, "certificate-authority-data": ca } }],
        users: [{ name: "admin", user: { token: state.access.token } }],
        contexts: [{ name: "local", context: { cluster: "local", user: "admin" } }],
        "current-context": "local",
    };
    fs.writeFileSync(state.kubeconfig, JSON.stringify(config, null, 2), { mode: 0o600 });
}

function saveState(state: ControlPlaneState): void {
    fs.writeFileSync(path.join(state.dir, "state.json"), JSON.stringify(state, null, 2), { mode: 0o600 });
}

export function loadState(dir: string): ControlPlaneState {
    return JSON.parse(fs.readFileSync(path.join(dir, "state.json"), "utf8"));
}

/** Stops every process the control plane started, newest first, and removes its folder. */
export async function stopControlPlane(state: ControlPlaneState, options: { keepDir?: boolean } = {}): Promise<void> {
    for (const p of [...state.processes].reverse()) await stopProcess(p.pid);
    if (!options.keepDir) fs.rmSync(state.dir, { recursive: true, force: true });
}
