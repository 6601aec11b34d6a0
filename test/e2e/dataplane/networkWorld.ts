// What the data-plane scenarios share: the pair `backend` (a workload of a few pods that
// answer with their names, exposed through site `west`) and, in the same program, a
// ConsumerListener with the routing key the test chooses, whose Service a client sends
// lines to. These cases need Skupper's router: they run in the network mode only, and
// the tier's last line names them elsewhere (see ../modes.ts).
import * as assert from "node:assert/strict";
import { Stack } from "@pulumi/pulumi/automation";
import { AttachedConnectorPair, AttachedConnectorPairArgs, ConsumerListener } from "../../../provider/index";
import { waitFor } from "../../localenv/cluster/processes";
import { RoundTrip, sendThroughService } from "../../localenv/dataplane/traffic";
import { e2e, newStack } from "../harness";
import { changed, outputsOf, pairNamespaces } from "../lifecycle/pairWorld";

export const LISTENER_PORT = 9000;

interface ListenerArgs {
    name: string;
    routingKey: string;
    awaitConnector?: boolean;
}

export interface NetworkWorld {
    shop: string;
    west: string;
    stack: Stack;
    pair: AttachedConnectorPairArgs;
    /** The consumer's listeners in the site: name (its Service's too), routing key, whether up awaits a connector; change and run up again. */
    listeners: ListenerArgs[];
}

export async function networkWorld(
    base: string,
    options: {
        replicas?: number;
        pair?: Partial<AttachedConnectorPairArgs>;
        listeners?: ListenerArgs[];
    } = {},
): Promise<NetworkWorld> {
    const { shop, west } = await pairNamespaces(base, { replicas: options.replicas ?? 3 });
    const world: NetworkWorld = {
        shop,
        west,
        stack: undefined as unknown as Stack,
        pair: {
            connectorNamespace: shop,
            siteNamespace: west,
            port: 8080,
            selector: "app=backend",
            timeoutSeconds: 120,
            ...options.pair,
        },
        listeners: options.listeners ?? [],
    };
    world.stack = await newStack(async () => {
        const pair = new AttachedConnectorPair("backend", world.pair);
        const listeners = Object.fromEntries(
            world.listeners.map(({ name, routingKey, awaitConnector }) => {
                const listener = new ConsumerListener(name, {
                    namespace: west,
                    routingKey,
                    awaitConnector,
                    port: LISTENER_PORT,
                    timeoutSeconds: 120,
                });
                return [name, { ready: listener.ready, hasMatchingConnector: listener.hasMatchingConnector }];
            }),
        );
        return {
            ready: pair.ready,
            routingKey: pair.routingKey,
            hasMatchingListener: pair.hasMatchingListener,
            bindingStatus: pair.bindingStatus,
            connectorMessage: pair.connectorMessage,
            listeners,
        };
    }, base);
    return world;
}

/**
 * up, then the check that a preview plans nothing. (Not a refresh: with a router, Skupper
 * sets the listeners' Matched a moment after up returns, which a refresh rightly finds.)
 */
export async function upSettled(stack: Stack): Promise<Record<string, any>> {
    const result = await stack.up();
    const preview = await stack.preview();
    assert.deepEqual(
        changed(preview.changeSummary),
        {},
        `preview after up plans changes: ${JSON.stringify(preview.changeSummary)}`,
    );
    return outputsOf(result);
}

/** `count` lines sent at once through the Service named `service` (a listener's, by default the first). */
export function send(world: NetworkWorld, count: number, service = world.listeners[0].name): Promise<RoundTrip[]> {
    const lines = Array.from({ length: count }, (_, i) => `hello ${i + 1}`);
    return sendThroughService(e2e().kube, { namespace: world.west, service, port: LISTENER_PORT }, lines);
}

/** The pods that answered, sorted, each once. */
export function answeringPods(trips: RoundTrip[]): string[] {
    return [...new Set(trips.map((t) => t.pod).filter((p): p is string => Boolean(p)))].sort();
}

/** Waits until lines sent through the service are answered (by any pod), as traffic resumes. */
export async function waitForTraffic(world: NetworkWorld, service?: string, timeoutMs = 120000): Promise<RoundTrip[]> {
    return waitFor(
        "traffic through the listener to be answered",
        async () => {
            const trips = await send(world, 3, service);
            return trips.every((t) => t.pod) ? trips : undefined;
        },
        timeoutMs,
    );
}

/** Waits until no line sent through the service is answered. */
export async function waitForNoTraffic(
    world: NetworkWorld,
    service?: string,
    timeoutMs = 120000,
): Promise<RoundTrip[]> {
    return waitFor(
        "traffic through the listener to go unanswered",
        async () => {
            const trips = await send(world, 3, service).catch(() => undefined);
            return trips && trips.every((t) => !t.pod) ? trips : undefined;
        },
        timeoutMs,
    );
}

/**
 * Sends rounds of six connections at once until every one of `pods` has answered one
 * (a router spreads open connections over its connectors); fails if a line goes
 * unanswered, or a pod outside `pods` answers, or some pod never does in ten rounds.
 */
export async function assertEveryPodAnswers(
    world: NetworkWorld,
    pods: string[],
    service?: string,
): Promise<RoundTrip[]> {
    const all: RoundTrip[] = [];
    for (let round = 0; round < 10; round++) {
        const trips = await send(world, 6, service);
        for (const trip of trips) assert.ok(trip.pod, `no answer from ${trip.to}: ${trip.failure}`);
        all.push(...trips);
        const answered = answeringPods(all);
        for (const pod of answered)
            assert.ok(pods.includes(pod), `${pod} answered; expected one of ${pods.join(", ")}`);
        if (answered.length === pods.length) return all;
    }
    assert.deepEqual(answeringPods(all), [...pods].sort(), "every pod of the selector answered");
    return all;
}
