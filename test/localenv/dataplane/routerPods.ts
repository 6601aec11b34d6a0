// The kubelet of Skupper's router pods. kwok marks the pods of the router Deployment that
// Skupper's controller creates in a site namespace Running; this runs what each such pod
// runs, from the pod's own spec (Skupper's Deployment template): the kube-adaptor's
// `-init`, then the router and the adaptor, with the template's environment, the pod's
// name as HOSTNAME and the pod's ServiceAccount token, in a sandbox of its own
// (sandbox.ts). A pod that is deleted (the Deployment scaled to zero or removed) has its
// sandbox stopped; so does every pod when this program ends.
import { ChildProcess, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { KubeAccess, KubeClient, paths } from "../cluster/kubeClient";
import { writeKubeconfig } from "../cluster/kubeconfig";
import { MARKS } from "./podProcesses";
import { isServing, PodView } from "./podServers";
import { ContainerSpec, SandboxSpec } from "./sandbox";

/** The endpoint owner of the machine's own network namespace (the API server, the pods that answer). */
export const HOST = "host";

/** The label Skupper's router pods carry. */
export const ROUTER_POD_SELECTOR = "skupper.io/component=router";

export interface DataPlaneBinaries {
    router: string;
    adaptor: string;
}

interface PodSpecView {
    serviceAccountName?: string;
    initContainers?: ContainerView[];
    containers?: ContainerView[];
}

interface ContainerView {
    name: string;
    image: string;
    ports?: { containerPort: number }[];
    command?: string[];
    args?: string[];
    env?: { name: string; value?: string; valueFrom?: { fieldRef?: { fieldPath: string } } }[];
}

export type RouterPod = PodView & { spec: PodSpecView & PodView["spec"] };

/** The folder of a pod's sandbox: logs, containers.json, its kubeconfig. */
export function podFolder(podsDir: string, namespace: string, name: string): string {
    return path.join(podsDir, `${namespace}_${name}`);
}

export class RouterPods {
    private readonly sandboxes = new Map<string, ChildProcess>();

    constructor(
        private readonly kube: KubeClient,
        private readonly access: KubeAccess,
        private readonly binaries: DataPlaneBinaries,
        /** The environment's folder, and in it the pods' and the published endpoints'. */
        private readonly folders: { environment: string; pods: string; endpoints: string },
        private readonly log: (line: string) => void,
    ) {}

    /** Runs a sandbox for every router pod that runs, and stops those of pods that went away. */
    async sync(pods: RouterPod[]): Promise<void> {
        const wanted = new Map(pods.filter(isServing).map((p) => [p.metadata.uid, p]));
        for (const [uid, sandbox] of this.sandboxes) {
            if (wanted.has(uid)) continue;
            this.sandboxes.delete(uid);
            // unshare ignores SIGTERM while it waits for its child; killed, it takes the pod's
            // first process with it (--kill-child), and that the rest of the pod.
            sandbox.kill("SIGKILL");
            fs.rmSync(path.join(this.folders.endpoints, owner(uid)), { recursive: true, force: true });
        }
        for (const [uid, pod] of wanted) {
            if (this.sandboxes.has(uid)) continue;
            this.sandboxes.set(uid, await this.startSandbox(pod));
        }
    }

    stopAll(): void {
        void this.sync([]);
    }

    private async startSandbox(pod: RouterPod): Promise<ChildProcess> {
        const { namespace, name, uid } = pod.metadata;
        const dir = podFolder(this.folders.pods, namespace, name);
        fs.mkdirSync(dir, { recursive: true });
        const kubeconfig = path.join(dir, "kubeconfig");
        writeKubeconfig(kubeconfig, { ...this.access, token: await this.podToken(pod) }, `${namespace}-${name}`);
        const container = (c: ContainerView): ContainerSpec => this.container(pod, c, dir, kubeconfig);
        const spec: SandboxSpec = {
            pod: { namespace, name, ip: pod.status!.podIP! },
            endpoints: this.folders.endpoints,
            owner: owner(uid),
            imports: HOST,
            ownPorts: [...(pod.spec.initContainers ?? []), ...(pod.spec.containers ?? [])].flatMap((c) =>
                (c.ports ?? []).map((p) => p.containerPort),
            ),
            dir,
            initContainers: (pod.spec.initContainers ?? []).map(container),
            containers: (pod.spec.containers ?? []).map(container),
        };
        const specFile = path.join(dir, "sandbox.json");
        fs.writeFileSync(specFile, JSON.stringify(spec, null, 2));
        const root = path.resolve(__dirname, "../../..");
        const out = fs.openSync(path.join(dir, "sandbox.log"), "a");
        // A PID namespace of its own: when the sandbox's first process ends, the kernel ends
        // every container; --kill-child ends that first process when unshare is killed.
        const child = spawn(
            "unshare",
            [
                "--pid",
                "--fork",
                "--kill-child",
                "--mount-proc",
                "--net",
                "--",
                process.execPath,
                "-r",
                path.join(root, "node_modules/ts-node/register/transpile-only"),
                path.join(__dirname, "sandbox.ts"),
                specFile,
            ],
            {
                stdio: ["ignore", out, out],
                env: {
                    ...process.env,
                    TS_NODE_PROJECT: path.join(root, "tsconfig.json"),
                    [MARKS.environment]: this.folders.environment,
                    [MARKS.pod]: `${namespace}/${name}`,
                },
            },
        );
        fs.closeSync(out);
        child.on("exit", (code, signal) => {
            if (this.sandboxes.get(uid) !== child) return;
            this.log(`sandbox of ${namespace}/${name} ended (${signal ?? code}); it starts again on the next sync`);
            this.sandboxes.delete(uid);
        });
        this.log(`running router pod ${namespace}/${name} at ${spec.pod.ip} (${dir})`);
        return child;
    }

    private container(pod: RouterPod, c: ContainerView, dir: string, kubeconfig: string): ContainerSpec {
        const env: Record<string, string> = {};
        for (const variable of c.env ?? []) env[variable.name] = variable.value ?? fieldOf(pod, variable.valueFrom);
        if (c.image.includes("skupper-router")) {
            const conf = env.QDROUTERD_CONF ?? "/etc/skupper-router-certs/skrouterd.json";
            const expanded = path.join(dir, `${c.name}.${env.QDROUTERD_CONF_TYPE ?? "json"}`);
            return {
                name: c.name,
                binary: this.binaries.router,
                args: ["-c", expanded],
                env,
                expandConfig: { from: conf, to: expanded },
            };
        }
        if (c.image.includes("kube-adaptor")) {
            // In a pod the adaptor's client takes the namespace and token from the
            // ServiceAccount volume; out of a cluster, from NAMESPACE and the kubeconfig.
            const args = [...(c.command ?? []).slice(1), ...(c.args ?? [])];
            return {
                name: c.name,
                binary: this.binaries.adaptor,
                args,
                env: { ...env, NAMESPACE: pod.metadata.namespace, KUBECONFIG: kubeconfig },
            };
        }
        throw new Error(`${pod.metadata.namespace}/${pod.metadata.name}: no binary stands in for image ${c.image}`);
    }

    /** A token of the pod's ServiceAccount bound to the pod, as a kubelet mounts it. */
    private async podToken(pod: RouterPod): Promise<string> {
        const account = pod.spec.serviceAccountName ?? "default";
        const request = await this.kube.create<{ status: { token: string } }>(
            `${paths.serviceAccount(pod.metadata.namespace, account)}/token`,
            {
                apiVersion: "authentication.k8s.io/v1",
                kind: "TokenRequest",
                spec: {
                    expirationSeconds: 86400,
                    boundObjectRef: { apiVersion: "v1", kind: "Pod", name: pod.metadata.name, uid: pod.metadata.uid },
                },
            },
        );
        return request.status.token;
    }
}

function owner(uid: string): string {
    return `pod-${uid.slice(0, 8)}`;
}

function fieldOf(pod: RouterPod, from: { fieldRef?: { fieldPath: string } } | undefined): string {
    switch (from?.fieldRef?.fieldPath) {
        case "metadata.namespace":
            return pod.metadata.namespace;
        case "metadata.name":
            return pod.metadata.name;
        case "status.podIP":
            return pod.status?.podIP ?? "";
        default:
            return "";
    }
}
