// What the lifecycle scenarios share: a workload namespace with a real Deployment (kwok
// runs its Pods), a site namespace with a Skupper Site, a stack whose program is one
// AttachedConnectorPair with arguments the test can change between runs, and the
// checks every scenario repeats (idempotence after each up, the live objects).
import * as assert from "node:assert/strict";
import { Stack, UpResult } from "@pulumi/pulumi/automation";
import { AttachedConnectorPair, AttachedConnectorPairArgs } from "../../../provider/index";
import { SkupperKind } from "../../../provider/constants";
import { KubeClient, paths } from "../../localenv/cluster/kubeClient";
import { createDeployment, waitForReadyPods } from "../../localenv/cluster/objects";
import { waitFor } from "../../localenv/cluster/processes";
import { e2e, newStack } from "../harness";

export interface PairWorld {
    shop: string;
    west: string;
    stack: Stack;
    /** The pair's arguments for the next run of the program; change them and run up again. */
    args: AttachedConnectorPairArgs;
}

export interface WorldOptions {
    replicas?: number;
    site?: boolean;
}

/**
 * Namespaces `<base>-shop` (with a Deployment `backend` of `replicas` Pods labelled
 * app=backend, ready) and `<base>-west` (with a Site, unless `site` is false).
 */
export async function pairNamespaces(
    base: string,
    options: WorldOptions = {},
): Promise<{ shop: string; west: string }> {
    const { env, kube } = e2e();
    const shop = env.namespace(`${base}-shop`);
    const west = env.namespace(`${base}-west`);
    await env.createNamespaces(shop, west);
    if (options.site ?? true) await env.createSite(west);
    const replicas = options.replicas ?? 1;
    await createDeployment(kube, shop, "backend", { app: "backend" }, replicas);
    if (replicas > 0) await waitForReadyPods(kube, shop, "app=backend", replicas);
    return { shop, west };
}

/** The namespaces of pairNamespaces, and a stack of the pair `backend` between them. */
export async function pairWorld(
    base: string,
    options: WorldOptions & { args?: Partial<AttachedConnectorPairArgs> } = {},
): Promise<PairWorld> {
    const { shop, west } = await pairNamespaces(base, options);
    const world = {
        shop,
        west,
        args: {
            connectorNamespace: shop,
            siteNamespace: west,
            port: 8080,
            selector: "app=backend",
            timeoutSeconds: 120,
            ...options.args,
        },
    } as PairWorld;
    world.stack = await newStack(async () => {
        const pair = new AttachedConnectorPair("backend", world.args);
        return {
            objectName: pair.objectName,
            routingKey: pair.routingKey,
            ready: pair.ready,
            hasMatchingListener: pair.hasMatchingListener,
            connectorStatus: pair.connectorStatus,
            connectorMessage: pair.connectorMessage,
            bindingStatus: pair.bindingStatus,
            bindingMessage: pair.bindingMessage,
            connectorConditions: pair.connectorConditions,
            bindingConditions: pair.bindingConditions,
        };
    }, base);
    return world;
}

/** The stack's outputs as plain values. */
export function outputsOf(result: UpResult): Record<string, any> {
    return Object.fromEntries(Object.entries(result.outputs).map(([k, v]) => [k, v.value]));
}

/** After every up: preview and refresh find nothing to change (a read is no change, as for `--expect-no-changes`). */
export async function assertSettled(stack: Stack): Promise<void> {
    const preview = await stack.preview();
    assert.deepEqual(
        changed(preview.changeSummary),
        {},
        `preview right after up plans changes: ${JSON.stringify(preview.changeSummary)}`,
    );
    const refresh = await stack.refresh();
    assert.deepEqual(
        changed(refresh.summary.resourceChanges ?? {}),
        {},
        `refresh right after up finds changes: ${JSON.stringify(refresh.summary.resourceChanges)}`,
    );
}

/** The operations of a summary that change something: not `same`, and not `read` (the component reads its halves afresh). */
export function changed(summary: Record<string, number>): Record<string, number> {
    return Object.fromEntries(Object.entries(summary).filter(([op, n]) => op !== "same" && op !== "read" && n > 0));
}

/** up, then the idempotence check; returns the outputs. */
export async function upSettled(stack: Stack): Promise<Record<string, any>> {
    const outputs = outputsOf(await stack.up());
    await assertSettled(stack);
    return outputs;
}

export interface LiveObject {
    metadata: { name: string; namespace: string; uid: string; generation: number };
    spec: Record<string, any>;
    status?: {
        status?: string;
        message?: string;
        hasMatchingListener?: boolean;
        hasMatchingConnector?: boolean;
        conditions?: { type: string; status: string; message: string; observedGeneration?: number }[];
    };
}

export function live(kind: SkupperKind, namespace: string, name: string): Promise<LiveObject | undefined> {
    return e2e().kube.find<LiveObject>(paths.skupper(namespace, kind, name));
}

/** Waits until the object at `path` exists and passes the test, as a user watching it with kubectl would; returns it. */
export function waitForObject<T = any>(
    kube: KubeClient,
    path: string,
    what: string,
    test: (object: T) => unknown,
    timeoutMs = 60000,
): Promise<T> {
    return waitFor(
        what,
        async () => {
            const object = await kube.find<T>(path);
            return object && test(object) ? object : undefined;
        },
        timeoutMs,
    );
}

/** waitForObject for a Skupper object of this cluster, as the tests read it. */
export function waitForStatus(
    what: string,
    [kind, namespace, name]: [SkupperKind, string, string],
    test: (object: LiveObject) => unknown,
    timeoutMs = 60000,
): Promise<LiveObject> {
    return waitForObject(e2e().kube, paths.skupper(namespace, kind, name), what, test, timeoutMs);
}

/** Every object of the kind in the given namespaces, as `namespace/name`. */
export async function objectsIn(kind: SkupperKind, namespaces: string[]): Promise<string[]> {
    const list = await e2e().kube.get<{ items: LiveObject[] }>(paths.skupperAll(kind));
    return list.items
        .filter((o) => namespaces.includes(o.metadata.namespace))
        .map((o) => `${o.metadata.namespace}/${o.metadata.name}`)
        .sort();
}

/** Waits until both halves exist in the cluster (they may carry no status yet). */
export async function bothHalvesCreated(world: PairWorld): Promise<void> {
    await waitFor(
        "both halves created",
        async () =>
            (await live("AttachedConnector", world.shop, "backend")) &&
            (await live("AttachedConnectorBinding", world.west, "backend"))
                ? true
                : undefined,
        120000,
    );
}

/** The named condition of a live object, checked to be for its current generation. */
export function condition(
    object: LiveObject | undefined,
    type: string,
): { status: string; message: string } | undefined {
    const found = object?.status?.conditions?.find((c) => c.type === type);
    if (found && object)
        assert.equal(
            found.observedGeneration,
            object.metadata.generation,
            `${type} is for generation ${found.observedGeneration}, the object is at ${object.metadata.generation}`,
        );
    return found;
}
