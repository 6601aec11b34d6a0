// The ordinary Kubernetes objects the tests and the demo set up around a pair:
// namespaces (labelled with the run, so that cleanup on an existing cluster finds
// them), Skupper Sites and Listeners, and workloads as real Deployments whose Pods kwok
// runs.
import { SKUPPER_API_VERSION } from "../../../provider/constants";
import { KubeClient, paths } from "./kubeClient";
import { readyPods } from "./kwok";
import { sleep, waitFor } from "./processes";

/** The label that marks what one run of the environment created. */
export const RUN_LABEL = "skupper-pulumi.dev/run";

/** Creates the namespaces, waiting until each has its default ServiceAccount. */
export async function createNamespaces(kube: KubeClient, run: string, names: string[]): Promise<void> {
    for (const name of names) await kube.ensure(paths.namespaces, { metadata: { name, labels: { [RUN_LABEL]: run } } });
    for (const name of names) {
        await waitFor(
            `namespace ${name}'s default ServiceAccount`,
            async () => ((await kube.find(paths.serviceAccount(name, "default"))) ? true : undefined),
            30000,
        );
    }
}

/** Deletes the run's namespaces and waits until they are gone. */
export async function deleteRunNamespaces(kube: KubeClient, run: string, timeoutMs = 120000): Promise<void> {
    const selector = `?labelSelector=${encodeURIComponent(`${RUN_LABEL}=${run}`)}`;
    const list = await kube.get<{ items: { metadata: { name: string } }[] }>(`${paths.namespaces}${selector}`);
    for (const ns of list.items) await kube.delete(paths.namespace(ns.metadata.name)).catch(() => undefined);
    const deadline = Date.now() + timeoutMs;
    while (
        Date.now() < deadline &&
        (await kube.get<{ items: unknown[] }>(`${paths.namespaces}${selector}`)).items.length > 0
    )
        await sleep(500);
}

/** A Skupper Site in the namespace. */
export async function createSite(kube: KubeClient, namespace: string, name = "site"): Promise<void> {
    await kube.ensure(paths.skupper(namespace, "Site"), {
        apiVersion: SKUPPER_API_VERSION,
        kind: "Site",
        metadata: { name, namespace },
        spec: {},
    });
}

/**
 * A Skupper Listener made out of band (not by a program): Skupper serves it with a
 * Service named `host` (the listener's name by default) on `port`.
 */
export async function createListener(
    kube: KubeClient,
    namespace: string,
    name: string,
    routingKey: string,
    port = 9000,
): Promise<void> {
    await kube.create(paths.skupper(namespace, "Listener"), {
        apiVersion: SKUPPER_API_VERSION,
        kind: "Listener",
        metadata: { name },
        spec: { routingKey, host: name, port },
    });
}

/** A workload: a Deployment whose Pods carry the labels (kwok makes them Running and Ready). */
export async function createDeployment(
    kube: KubeClient,
    namespace: string,
    name: string,
    labels: Record<string, string>,
    replicas = 1,
    port = 8080,
): Promise<void> {
    await kube.ensure(`/apis/apps/v1/namespaces/${namespace}/deployments`, {
        metadata: { name, labels },
        spec: {
            replicas,
            selector: { matchLabels: labels },
            template: {
                metadata: { labels },
                spec: {
                    containers: [{ name: "app", image: "registry.invalid/app:1", ports: [{ containerPort: port }] }],
                },
            },
        },
    });
}

export async function scaleDeployment(
    kube: KubeClient,
    namespace: string,
    name: string,
    replicas: number,
): Promise<void> {
    await kube.mergePatch(`/apis/apps/v1/namespaces/${namespace}/deployments/${name}`, { spec: { replicas } });
}

/** Waits until `count` Pods of the selector are Running and Ready; returns their names. */
export function waitForReadyPods(
    kube: KubeClient,
    namespace: string,
    selector: string,
    count: number,
    timeoutMs = 60000,
): Promise<string[]> {
    return waitFor(
        `${count} ready pod(s) for ${selector} in ${namespace}`,
        async () => {
            const ready = await readyPods(kube, namespace, selector);
            return ready.length === count ? ready : undefined;
        },
        timeoutMs,
    );
}
