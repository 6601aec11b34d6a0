// Pods for real without kubelets: kwok manages one fake Node, so the scheduler binds
// Pods to it and kwok reports them Running and Ready with IPs, following kwok's own
// stage definitions (the toolchain links them from kwok's module).
import * as path from "node:path";
import { Toolchain } from "../toolchain/toolchain";
import { KubeClient, paths } from "./kubeClient";
import { Launch } from "./kubernetes";
import { waitFor } from "./processes";

const NODE_NAME = "kwok-node-0";
const MANAGED = "kwok.x-k8s.io/node";

/** The stages: a Node becomes Ready; a Pod becomes Running and Ready, completes, or goes away when deleted. */
const STAGES = [
    "node/fast/node-initialize.yaml",
    "pod/fast/pod-ready.yaml",
    "pod/fast/pod-complete.yaml",
    "pod/fast/pod-delete.yaml",
];

export async function startKwok(
    launch: Launch,
    tools: Toolchain,
    kubeconfig: string,
    kube: KubeClient,
    log: (line: string) => void,
    /** The range kwok gives pods their addresses from. */
    podCidr: string,
): Promise<void> {
    await kube.ensure("/api/v1/nodes", {
        metadata: {
            name: NODE_NAME,
            annotations: { [MANAGED]: "fake" },
            labels: { type: "kwok", "kubernetes.io/hostname": NODE_NAME },
        },
        status: {
            allocatable: { cpu: "32", memory: "256Gi", pods: "110" },
            capacity: { cpu: "32", memory: "256Gi", pods: "110" },
        },
    });
    log(`starting kwok (node ${NODE_NAME})`);
    const stages = path.join(tools.dir, "kwok-stages");
    await launch(
        {
            name: "kwok",
            binary: tools.bin("kwok"),
            args: [
                `--kubeconfig=${kubeconfig}`,
                `--manage-nodes-with-annotation-selector=${MANAGED}=fake`,
                `--cidr=${podCidr}`,
                "--node-ip=10.0.0.10",
                ...STAGES.map((stage) => `--config=${path.join(stages, stage)}`),
            ],
        },
        (started) => waitFor("kwok", () => nodeReady(kube), 60000, started).then(() => undefined),
    );
    // Admission taints a new Node not-ready; the node lifecycle controller that would lift
    // the taint is off (it expects kubelet heartbeats), so lift it once kwok has the Node Ready.
    await kube.mergePatch(`/api/v1/nodes/${NODE_NAME}`, { spec: { taints: null } });
}

async function nodeReady(kube: KubeClient): Promise<true | undefined> {
    const node = await kube.get<{ status?: { conditions?: { type: string; status: string }[] } }>(
        `/api/v1/nodes/${NODE_NAME}`,
    );
    return node.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True") ? true : undefined;
}

/** Pods of a namespace matching a label selector, with their readiness as a kubelet would report it. */
export async function readyPods(kube: KubeClient, namespace: string, selector: string): Promise<string[]> {
    const list = await kube.get<{ items: PodView[] }>(
        `${paths.pods(namespace)}?labelSelector=${encodeURIComponent(selector)}`,
    );
    return list.items.filter(isReady).map((p) => p.metadata.name);
}

interface PodView {
    metadata: { name: string; deletionTimestamp?: string };
    status?: { phase?: string; conditions?: { type: string; status: string }[] };
}

function isReady(pod: PodView): boolean {
    return (
        pod.status?.phase === "Running" &&
        !pod.metadata.deletionTimestamp &&
        (pod.status.conditions ?? []).some((c) => c.type === "Ready" && c.status === "True")
    );
}
