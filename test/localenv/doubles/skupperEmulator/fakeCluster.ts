// A small in-memory cluster for the status emulator's tests: it polls the emulator's
// model, applies its status writes as the API server would (a new resourceVersion each
// time, acknowledged back to the model) and lets each test change objects. Every object
// gets the next resourceVersion when created or changed, as etcd's revision would.
import * as assert from "node:assert/strict";
import { ModelOptions, SkupperControllerModel } from "./model";
import { ClusterSnapshot, EmulatedKind, KubeObject, StatusWrite, WATCHED_KINDS } from "./objects";

const START = Date.parse("2026-01-01T01:00:00Z");

const timestamp = (time: number) => new Date(time).toISOString().replace(/\.\d+Z$/, "Z");

export const condition = (object: KubeObject, type: string) =>
    (object.status?.conditions ?? []).find((c: any) => c.type === type);

/** A condition without its lastTransitionTime, for comparing whole conditions. */
export const conditionState = (object: KubeObject, type: string) => {
    const found = condition(object, type);
    return found && { ...found, lastTransitionTime: undefined };
};

export interface ConnectorOptions {
    namespace?: string;
    name?: string;
    siteNamespace?: string;
    selector?: string;
    port?: number;
    includeNotReadyPods?: boolean;
}

export interface PodState {
    phase?: string;
    ready?: boolean;
    deleting?: boolean;
    labels?: Record<string, string>;
    namespace?: string;
}

export interface RemoteSite {
    listeners?: { name: string; address: string }[];
    connectors?: { address: string; destHost: string }[];
}

export class FakeCluster {
    model!: SkupperControllerModel;
    /** Every status write the controller made, in order, before they were merged into PUTs. */
    trace: StatusWrite[] = [];
    sites: KubeObject[] = [];
    connectors: KubeObject[] = [];
    bindings: KubeObject[] = [];
    listeners: KubeObject[] = [];
    pods: KubeObject[] = [];
    networkStatus: KubeObject[] = [];
    grants: KubeObject[] = [];
    tokens: KubeObject[] = [];
    links: KubeObject[] = [];
    /** The Services of the Sites' link access. */
    services: KubeObject[] = [];
    private version = 0;
    private clock = START;
    /** When the model made its first poll: its informers' resyncs count from there. */
    private started?: number;

    constructor(private readonly options: ModelOptions = {}) {
        this.restart();
    }

    object(namespace: string, name: string, spec: unknown, extra: Partial<KubeObject["metadata"]> = {}): KubeObject {
        this.version++;
        const created = timestamp(Date.parse("2026-01-01T00:00:00Z") + this.version * 1000);
        return {
            metadata: {
                name,
                namespace,
                uid: `uid-${this.version}`,
                generation: 1,
                resourceVersion: String(this.version),
                creationTimestamp: created,
                ...extra,
            },
            spec,
        };
    }

    addSite(namespace = "west", name = "site", spec: Record<string, unknown> = {}): KubeObject {
        const site = this.object(namespace, name, spec);
        this.sites.push(site);
        return site;
    }

    addConnector(options: ConnectorOptions = {}): KubeObject {
        const { namespace = "shop", name = "backend", siteNamespace = "west", selector = "app=backend" } = options;
        const spec: Record<string, unknown> = { siteNamespace, port: options.port ?? 8080, selector };
        if (options.includeNotReadyPods) spec.includeNotReadyPods = true;
        const connector = this.object(namespace, name, spec);
        this.connectors.push(connector);
        return connector;
    }

    addBinding(
        options: { namespace?: string; name?: string; connectorNamespace?: string; routingKey?: string } = {},
    ): KubeObject {
        const { namespace = "west", name = "backend", connectorNamespace = "shop", routingKey = "backend" } = options;
        const binding = this.object(namespace, name, { connectorNamespace, routingKey });
        this.bindings.push(binding);
        return binding;
    }

    addListener(
        options: { namespace?: string; name?: string; routingKey?: string; host?: string; port?: number } = {},
    ): KubeObject {
        const { namespace = "west", name = "orders", routingKey = "orders", host = "orders", port = 8080 } = options;
        const listener = this.object(namespace, name, { routingKey, host, port });
        this.listeners.push(listener);
        return listener;
    }

    addPod(name: string, state: PodState = {}): KubeObject {
        const {
            phase = "Running",
            ready = true,
            deleting = false,
            labels = { app: "backend" },
            namespace = "shop",
        } = state;
        const deletion = deleting ? { deletionTimestamp: "2026-01-01T00:01:00Z" } : {};
        const pod = this.object(namespace, name, {}, { labels, ...deletion });
        pod.status = { phase, conditions: [{ type: "Ready", status: ready ? "True" : "False" }] };
        this.pods.push(pod);
        return pod;
    }

    /** What a remote router's collector reports: one remote site with these listeners and connectors. */
    setNetwork(namespace: string, remote: RemoteSite): KubeObject {
        this.networkStatus = this.networkStatus.filter((cm) => cm.metadata.namespace !== namespace);
        const router = {
            router: { name: "remote-router" },
            listeners: remote.listeners ?? [],
            connectors: remote.connectors,
        };
        const status = {
            addresses: [],
            siteStatus: [{ site: { identity: "remote-id", name: "remote" }, routerStatus: [router] }],
        };
        const configMap = {
            ...this.object(namespace, "skupper-network-status", undefined),
            data: { NetworkStatus: JSON.stringify(status) },
        };
        this.networkStatus.push(configMap);
        return configMap;
    }

    setListeners(namespace: string, listeners: { name: string; address: string }[]): KubeObject {
        return this.setNetwork(namespace, { listeners });
    }

    /** Changes an object as a user's update would: a new resourceVersion, and a new generation for a spec change. */
    update(object: KubeObject, change: (o: KubeObject) => void, specChange = true): void {
        change(object);
        object.metadata.resourceVersion = String(++this.version);
        if (specChange) object.metadata.generation = (object.metadata.generation ?? 1) + 1;
    }

    remove(list: KubeObject[], object: KubeObject): void {
        list.splice(list.indexOf(object), 1);
        this.version++;
    }

    /** One poll, a second after the last: the emulator's writes, applied to the status subresource. */
    poll(): StatusWrite[] {
        this.clock += 1000;
        const { sites, connectors, bindings, listeners, pods, networkStatus, grants, tokens, links, services } = this;
        const everything = { sites, connectors, bindings, listeners, pods, networkStatus, grants, tokens, links };
        const snapshot: ClusterSnapshot = JSON.parse(JSON.stringify({ ...everything, services, now: this.now() }));
        // Each list is read now: an object missing from it was deleted before this revision.
        snapshot.revisions = Object.fromEntries(WATCHED_KINDS.map((kind) => [kind, String(this.version)]));
        const writes = this.model.step(snapshot);
        for (const { kind, object } of writes) {
            const { namespace, name } = object.metadata;
            const target = this.listOf(kind).find(
                (o) => o.metadata.namespace === namespace && o.metadata.name === name,
            )!;
            assert.equal(
                object.metadata.resourceVersion,
                target.metadata.resourceVersion,
                "a write carries the listed resourceVersion",
            );
            assert.deepEqual(object.spec, target.spec, "a write never changes spec");
            target.status = JSON.parse(JSON.stringify(object.status));
            target.metadata.resourceVersion = String(++this.version);
            this.model.acknowledge(kind, JSON.parse(JSON.stringify(target)));
        }
        return writes;
    }

    /** Polls until two polls in a row write nothing. */
    settle(): void {
        let quiet = 0;
        for (let i = 0; i < 12; i++) {
            quiet = this.poll().length === 0 ? quiet + 1 : 0;
            if (quiet === 2) return;
        }
        assert.fail("the emulator kept writing");
    }

    /** The controller restarts: it forgets everything it knew and lists the cluster afresh. */
    restart(): void {
        this.model = new SkupperControllerModel((write) => this.trace.push(write), this.options);
        this.started = undefined;
    }

    /** Makes the next poll happen this many seconds after the model's first one. */
    nextPollAt(seconds: number): void {
        const target = this.started! + seconds * 1000 - 1000;
        assert.ok(target >= this.clock, `the clock is already past ${seconds} s`);
        this.clock = target;
    }

    /** The statuses written on one object, in order: "<status> <message>". */
    writesOn(object: KubeObject): string[] {
        return this.trace
            .filter((w) => w.object.metadata.uid === object.metadata.uid)
            .map((w) => `${w.object.status.status} ${w.object.status.message}`);
    }

    private listOf(kind: EmulatedKind): KubeObject[] {
        const lists = {
            Site: this.sites,
            AttachedConnector: this.connectors,
            AttachedConnectorBinding: this.bindings,
            Listener: this.listeners,
            AccessGrant: this.grants,
            Link: this.links,
        };
        return lists[kind];
    }

    private now(): string {
        this.started ??= this.clock;
        return timestamp(this.clock);
    }
}

/** A Site, a matching pair and one Running, Ready pod, settled. */
export function readyPair(): { cluster: FakeCluster; connector: KubeObject; binding: KubeObject } {
    const cluster = new FakeCluster();
    cluster.addSite();
    cluster.addPod("backend-0");
    const connector = cluster.addConnector();
    const binding = cluster.addBinding();
    cluster.settle();
    return { cluster, connector, binding };
}
