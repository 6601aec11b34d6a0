// The Skupper status emulator (a test double for emulated mode), driven without a cluster:
// a small in-memory cluster polls the emulator's core, applies its status writes as the
// API server would (a new resourceVersion each time) and lets each test change objects.
import * as assert from "node:assert/strict";
import {
    ClusterSnapshot,
    KubeObject,
    SkupperControllerModel,
    StatusWrite,
} from "../../localenv/doubles/skupperEmulator";

const NO_BINDING = "No matching AttachedConnectorBinding in site namespace";

class FakeCluster {
    model = new SkupperControllerModel();
    sites: KubeObject[] = [];
    connectors: KubeObject[] = [];
    bindings: KubeObject[] = [];
    pods: KubeObject[] = [];
    networkStatus: KubeObject[] = [];
    private version = 0;
    private clock = Date.parse("2026-01-01T01:00:00Z");

    object(namespace: string, name: string, spec: unknown, extra: Partial<KubeObject["metadata"]> = {}): KubeObject {
        this.version++;
        return {
            metadata: {
                name,
                namespace,
                generation: 1,
                resourceVersion: String(this.version),
                creationTimestamp: `2026-01-01T00:00:${String(this.version).padStart(2, "0")}Z`,
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

    addConnector(
        options: {
            namespace?: string;
            name?: string;
            siteNamespace?: string;
            selector?: string;
            includeNotReadyPods?: boolean;
        } = {},
    ): KubeObject {
        const {
            namespace = "shop",
            name = "backend",
            siteNamespace = "west",
            selector = "app=backend",
            includeNotReadyPods,
        } = options;
        const connector = this.object(namespace, name, {
            siteNamespace,
            port: 8080,
            selector,
            ...(includeNotReadyPods ? { includeNotReadyPods } : {}),
        });
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

    addPod(
        name: string,
        state: {
            phase?: string;
            ready?: boolean;
            deleting?: boolean;
            labels?: Record<string, string>;
            namespace?: string;
        } = {},
    ): KubeObject {
        const {
            phase = "Running",
            ready = true,
            deleting = false,
            labels = { app: "backend" },
            namespace = "shop",
        } = state;
        const pod = this.object(
            namespace,
            name,
            {},
            { labels, ...(deleting ? { deletionTimestamp: "2026-01-01T00:01:00Z" } : {}) },
        );
        pod.status = { phase, conditions: [{ type: "Ready", status: ready ? "True" : "False" }] };
        this.pods.push(pod);
        return pod;
    }

    /** What a remote router's collector reports: one remote site whose router has these listeners. */
    setListeners(namespace: string, listeners: { name: string; address: string }[]): void {
        this.networkStatus = this.networkStatus.filter((cm) => cm.metadata.namespace !== namespace);
        const status = {
            addresses: [],
            siteStatus: [
                {
                    site: { identity: "remote-id", name: "remote" },
                    routerStatus: [{ router: { name: "remote-router" }, listeners }],
                },
            ],
        };
        this.networkStatus.push({
            ...this.object(namespace, "skupper-network-status", undefined),
            data: { NetworkStatus: JSON.stringify(status) },
        });
    }

    /** Changes an object as a user's update would: a new resourceVersion, and a new generation for a spec change. */
    update(obj: KubeObject, change: (o: KubeObject) => void, specChange = true): void {
        change(obj);
        obj.metadata.resourceVersion = String(++this.version);
        if (specChange) obj.metadata.generation = (obj.metadata.generation ?? 1) + 1;
    }

    remove(list: KubeObject[], obj: KubeObject): void {
        list.splice(list.indexOf(obj), 1);
    }

    /** One poll: the emulator's writes, applied to the status subresource. */
    poll(): StatusWrite[] {
        this.clock += 1000;
        const now = new Date(this.clock).toISOString().replace(/\.\d+Z$/, "Z");
        const snapshot: ClusterSnapshot = JSON.parse(
            JSON.stringify({
                sites: this.sites,
                connectors: this.connectors,
                bindings: this.bindings,
                pods: this.pods,
                networkStatus: this.networkStatus,
                now,
            }),
        );
        const writes = this.model.step(snapshot);
        for (const { kind, object } of writes) {
            const list = kind === "Site" ? this.sites : kind === "AttachedConnector" ? this.connectors : this.bindings;
            const target = list.find(
                (o) => o.metadata.namespace === object.metadata.namespace && o.metadata.name === object.metadata.name,
            )!;
            assert.equal(
                object.metadata.resourceVersion,
                target.metadata.resourceVersion,
                "a write carries the listed resourceVersion",
            );
            assert.deepEqual(object.spec, target.spec, "a write never changes spec");
            target.status = JSON.parse(JSON.stringify(object.status));
            target.metadata.resourceVersion = String(++this.version);
        }
        return writes;
    }

    /** The controller restarts: it forgets everything it knew and lists the cluster afresh. */
    restart(): void {
        this.model = new SkupperControllerModel();
    }

    /** Lets time pass between two polls. */
    advance(minutes: number): void {
        this.clock += minutes * 60 * 1000;
    }

    /** Polls until two polls in a row write nothing (a status set and set back in one poll is handled at the next). */
    settle(): void {
        let quiet = 0;
        for (let i = 0; i < 12; i++) {
            quiet = this.poll().length === 0 ? quiet + 1 : 0;
            if (quiet === 2) return;
        }
        assert.fail("the emulator kept writing");
    }
}

const condition = (obj: KubeObject, type: string) => (obj.status?.conditions ?? []).find((c: any) => c.type === type);

/** A Site, a matching pair and one Running, Ready pod, settled. */
function readyPair(): { cluster: FakeCluster; connector: KubeObject; binding: KubeObject } {
    const cluster = new FakeCluster();
    cluster.addSite();
    cluster.addPod("backend-0");
    const connector = cluster.addConnector();
    const binding = cluster.addBinding();
    cluster.settle();
    return { cluster, connector, binding };
}

describe("Skupper status emulator (test double of the 2.2.1 controller)", () => {
    it("after a restart, watches the pods of a pair whose status it set and set back in one pass", () => {
        const cluster = new FakeCluster();
        cluster.addSite();
        const connector = cluster.addConnector();
        const binding = cluster.addBinding();
        cluster.poll(); // the connector first ("no binding"), then the binding: both "Not ready"
        assert.equal(connector.status.message, "Not ready");
        cluster.restart();
        cluster.addPod("backend-0");
        // The connector comes first again ("no binding"), the binding sets it back to
        // "Not ready": nothing to write, but the controller wrote it twice, and the
        // second event starts the pod watcher.
        cluster.settle();
        assert.equal(connector.status.status, "Ready");
        assert.equal(condition(binding, "Configured")?.status, "True");
    });

    it("configures a pair with a Site and a Ready pod: connector Ready, binding Configured but Pending 'Not Matched'", () => {
        const cluster = new FakeCluster();
        cluster.addSite();
        cluster.addPod("backend-0");
        const connector = cluster.addConnector();
        connector.metadata.generation = 3;
        const binding = cluster.addBinding();
        cluster.settle();

        assert.equal(connector.status.status, "Ready");
        assert.equal(connector.status.message, "OK");
        assert.deepEqual(
            { ...condition(connector, "Configured"), lastTransitionTime: undefined },
            {
                type: "Configured",
                status: "True",
                reason: "Ready",
                message: "OK",
                observedGeneration: 3,
                lastTransitionTime: undefined,
            },
        );
        assert.equal(condition(connector, "Ready").status, "True");
        assert.equal(condition(connector, "Ready").observedGeneration, 3);

        assert.equal(condition(binding, "Configured").status, "True");
        assert.equal(condition(binding, "Configured").message, "OK");
        assert.equal(condition(binding, "Matched"), undefined, "Matched is only written once a listener has been seen");
        assert.equal(binding.status.hasMatchingListener, undefined);
        assert.equal(binding.status.status, "Pending");
        assert.equal(binding.status.message, "Not Matched");
        assert.deepEqual(
            { ...condition(binding, "Ready"), lastTransitionTime: undefined },
            {
                type: "Ready",
                status: "False",
                reason: "Pending",
                message: "Not Matched",
                observedGeneration: 1,
                lastTransitionTime: undefined,
            },
        );
    });

    it("writes no status on a binding whose namespace has no Site (the connector, seen first, reports no binding)", () => {
        const cluster = new FakeCluster();
        cluster.addPod("backend-0");
        const connector = cluster.addConnector();
        const binding = cluster.addBinding();
        cluster.settle();
        assert.equal(binding.status, undefined);
        assert.equal(connector.status.message, NO_BINDING);
    });

    it("reports a connector without a binding: Error 'No matching AttachedConnectorBinding in site namespace'", () => {
        const cluster = new FakeCluster();
        cluster.addSite();
        cluster.addPod("backend-0");
        const connector = cluster.addConnector();
        cluster.settle();
        assert.equal(connector.status.status, "Error");
        assert.equal(connector.status.message, NO_BINDING);
        assert.deepEqual(
            [condition(connector, "Configured").reason, condition(connector, "Ready").message],
            ["Error", NO_BINDING],
        );
    });

    it("refuses a connector in a namespace the binding does not name", () => {
        const cluster = new FakeCluster();
        cluster.addSite();
        cluster.addPod("backend-0");
        const connector = cluster.addConnector();
        const binding = cluster.addBinding({ connectorNamespace: "other" });
        cluster.settle();
        assert.equal(connector.status.status, "Error");
        assert.equal(
            connector.status.message,
            "AttachedConnectorBinding west/backend does not allow AttachedConnector in shop (only other)",
        );
        assert.equal(binding.status.message, "No matching AttachedConnector");
    });

    it("counts only pods that are Running, Ready and not being deleted", () => {
        const cluster = new FakeCluster();
        cluster.addSite();
        cluster.addPod("pending", { phase: "Pending", ready: false });
        cluster.addPod("not-ready", { ready: false });
        cluster.addPod("deleting", { deleting: true });
        cluster.addPod("other-app", { labels: { app: "frontend" } });
        cluster.addPod("other-namespace", { namespace: "elsewhere" });
        const connector = cluster.addConnector();
        cluster.addBinding();
        cluster.settle();
        assert.equal(connector.status.message, "No matches for selector");

        cluster.addPod("backend-0");
        cluster.settle();
        assert.equal(connector.status.status, "Ready");
    });

    it("with includeNotReadyPods counts Running pods that are not Ready, but still not Pending ones", () => {
        const cluster = new FakeCluster();
        cluster.addSite();
        cluster.addPod("pending", { phase: "Pending", ready: false });
        const connector = cluster.addConnector({ includeNotReadyPods: true });
        cluster.addBinding();
        cluster.settle();
        assert.equal(connector.status.message, "No matches for selector");

        cluster.addPod("not-ready", { ready: false });
        cluster.settle();
        assert.equal(connector.status.status, "Ready");
    });

    it("matches set-based selectors the way the API server's label selector does", () => {
        const cluster = new FakeCluster();
        cluster.addSite();
        cluster.addPod("api-0", { labels: { tier: "api", app: "shop" } });
        const connector = cluster.addConnector({ selector: "tier in (api, web),app!=db,!canary,env notin (prod)" });
        cluster.addBinding();
        cluster.settle();
        assert.equal(connector.status.status, "Ready");
    });

    it("makes the binding Ready with hasMatchingListener once a listener with its routing key is in the network", () => {
        const { cluster, binding } = readyPair();
        cluster.setListeners("west", [{ name: "orders-listener", address: "orders" }]);
        cluster.settle();
        assert.equal(binding.status.hasMatchingListener, undefined);

        cluster.setListeners("west", [
            { name: "orders-listener", address: "orders" },
            { name: "backend-listener", address: "backend" },
        ]);
        cluster.settle();
        assert.equal(binding.status.hasMatchingListener, true);
        assert.deepEqual([condition(binding, "Matched").status, condition(binding, "Matched").message], ["True", "OK"]);
        assert.equal(binding.status.status, "Ready");
        assert.equal(binding.status.message, "OK");
        assert.equal(condition(binding, "Ready").status, "True");

        cluster.setListeners("west", []);
        cluster.settle();
        assert.equal(binding.status.hasMatchingListener, undefined, "false is omitted");
        assert.deepEqual(
            [condition(binding, "Matched").status, condition(binding, "Matched").reason, binding.status.message],
            ["False", "Pending", "Pending"],
        );
    });

    it("counts a listener of the site namespace's network status only with both a name and an address", () => {
        const { cluster, binding } = readyPair();
        cluster.setListeners("west", [{ name: "", address: "backend" }]);
        cluster.settle();
        assert.equal(binding.status.hasMatchingListener, undefined);
        cluster.setListeners("elsewhere", [{ name: "backend-listener", address: "backend" }]);
        cluster.settle();
        assert.equal(binding.status.hasMatchingListener, undefined, "only the site namespace's network status counts");
        cluster.setListeners("west", [{ name: "backend-listener", address: "backend" }]);
        cluster.settle();
        assert.equal(binding.status.hasMatchingListener, true);
    });

    it("evaluates a binding that appears after the network was read only when the network changes", () => {
        const { cluster } = readyPair();
        cluster.setListeners("west", [{ name: "backend-listener", address: "backend" }]);
        cluster.settle();
        const later = cluster.addBinding({ name: "late", routingKey: "backend" });
        cluster.settle();
        assert.equal(later.status.hasMatchingListener, undefined);

        // The same network again (a new resourceVersion, same listeners): nothing is re-evaluated.
        cluster.setListeners("west", [{ name: "backend-listener", address: "backend" }]);
        cluster.settle();
        assert.equal(later.status.hasMatchingListener, undefined);

        cluster.setListeners("west", [
            { name: "backend-listener", address: "backend" },
            { name: "other", address: "other" },
        ]);
        cluster.settle();
        assert.equal(later.status.hasMatchingListener, true);
        assert.equal(
            later.status.message,
            "No matching AttachedConnector",
            "Matched does not hide a failed Configured",
        );
    });

    it("follows a spec change with observedGeneration", () => {
        const { cluster, connector, binding } = readyPair();
        cluster.update(binding, (b) => (b.spec.routingKey = "backend-v2"));
        cluster.update(connector, (c) => (c.spec.port = 9090));
        cluster.settle();
        assert.equal(binding.metadata.generation, 2);
        assert.equal(condition(binding, "Configured").observedGeneration, 2);
        assert.equal(condition(binding, "Ready").observedGeneration, 2);
        assert.equal(condition(connector, "Configured").observedGeneration, 2);
        assert.equal(condition(connector, "Ready").observedGeneration, 2);
    });

    it("watches the new selector's pods after a selector change, and reports only when they are seen", () => {
        const { cluster, connector } = readyPair();
        cluster.update(connector, (c) => (c.spec.selector = "app=orders"));
        cluster.settle();
        assert.equal(connector.status.status, "Ready", "a new watcher with no pods reports nothing");
        assert.equal(condition(connector, "Configured").observedGeneration, 1);

        cluster.addPod("orders-0", { labels: { app: "orders" } });
        cluster.settle();
        assert.equal(condition(connector, "Configured").observedGeneration, 2);
        cluster.remove(
            cluster.pods,
            cluster.pods.find((p) => p.metadata.name === "backend-0")!,
        );
        cluster.settle();
        assert.equal(connector.status.status, "Ready", "the old selector's pods no longer matter");
    });

    it("writes nothing when nothing changes and keeps lastTransitionTime until a condition's status flips", () => {
        const { cluster, connector } = readyPair();
        const ready = condition(connector, "Ready").lastTransitionTime;
        assert.deepEqual(cluster.poll(), []);
        cluster.update(connector, (c) => (c.metadata.labels = { note: "x" }), false);
        assert.deepEqual(cluster.poll(), []);
        assert.equal(condition(connector, "Ready").lastTransitionTime, ready);

        cluster.update(cluster.pods[0], (p) => (p.status.conditions[0].status = "False"), false);
        cluster.settle();
        assert.equal(connector.status.message, "No matches for selector");
        const failed = condition(connector, "Configured").lastTransitionTime;
        assert.notEqual(failed, ready);
        cluster.addPod("pending", { phase: "Pending", ready: false });
        cluster.settle();
        assert.equal(condition(connector, "Configured").lastTransitionTime, failed, "False to False keeps the time");
    });

    it("leaves a pair at 'Not ready' while no pod carries the selector's labels, and says 'No matches for selector' once one does", () => {
        const cluster = new FakeCluster();
        cluster.addSite();
        const connector = cluster.addConnector();
        const binding = cluster.addBinding();
        for (let i = 0; i < 5; i++) cluster.poll();
        assert.equal(connector.status.message, "Not ready");
        assert.equal(connector.status.status, "Error");
        assert.equal(binding.status.message, "Not ready");

        const pod = cluster.addPod("backend-0", { phase: "Pending", ready: false });
        cluster.settle();
        assert.equal(connector.status.message, "No matches for selector");
        cluster.update(
            pod,
            (p) => (p.status = { phase: "Running", conditions: [{ type: "Ready", status: "True" }] }),
            false,
        );
        cluster.settle();
        assert.equal(connector.status.status, "Ready");
        cluster.remove(cluster.pods, pod);
        cluster.settle();
        assert.equal(connector.status.message, "No matches for selector", "a watched pod going away is an event");
    });

    it("reports the binding of a deleted connector, and the connector of a deleted binding", () => {
        const { cluster, connector, binding } = readyPair();
        cluster.remove(cluster.connectors, connector);
        cluster.settle();
        assert.equal(binding.status.status, "Error");
        assert.equal(binding.status.message, "No matching AttachedConnector");

        const second = readyPair();
        second.cluster.remove(second.cluster.bindings, second.binding);
        second.cluster.settle();
        assert.equal(second.connector.status.message, NO_BINDING);
        assert.equal(condition(second.connector, "Configured").status, "False");
    });

    it("moves a connector whose siteNamespace changes in place", () => {
        const { cluster, connector, binding } = readyPair();
        cluster.addSite("east");
        const eastBinding = cluster.addBinding({ namespace: "east" });
        cluster.settle();
        cluster.update(connector, (c) => (c.spec.siteNamespace = "east"));
        cluster.settle();
        assert.equal(binding.status.message, "No matching AttachedConnector");
        assert.equal(connector.status.status, "Ready");
        assert.equal(condition(connector, "Configured").observedGeneration, 2);
        assert.equal(condition(eastBinding, "Configured").status, "True");

        cluster.update(connector, (c) => (c.spec.siteNamespace = "north"));
        cluster.settle();
        assert.equal(connector.status.message, NO_BINDING);
        assert.equal(eastBinding.status.message, "No matching AttachedConnector");
    });

    it("rebinds a binding whose connectorNamespace changes in place, forgetting the connectors until they change", () => {
        const { cluster, connector, binding } = readyPair();
        cluster.update(binding, (b) => (b.spec.connectorNamespace = "other"));
        cluster.settle();
        assert.equal(binding.status.message, "No matching AttachedConnector");
        assert.equal(condition(binding, "Configured").observedGeneration, 2);
        assert.equal(connector.status.status, "Ready", "the old connector is not revisited until its next event");

        cluster.update(connector, (c) => (c.metadata.labels = { touched: "yes" }), false);
        cluster.settle();
        assert.equal(
            connector.status.message,
            "AttachedConnectorBinding west/backend does not allow AttachedConnector in shop (only other)",
        );
    });

    it("configures a pair whose Site appeared after it only when the informers resync, five minutes on", () => {
        const cluster = new FakeCluster();
        cluster.addPod("backend-0");
        const connector = cluster.addConnector();
        const binding = cluster.addBinding();
        cluster.settle();
        cluster.addSite();
        cluster.settle();
        cluster.advance(4);
        cluster.settle();
        assert.equal(binding.status, undefined);
        assert.equal(connector.status.message, NO_BINDING);

        cluster.advance(1);
        cluster.settle();
        assert.equal(connector.status.status, "Ready");
        assert.equal(condition(binding, "Configured").status, "True");
    });

    it("writes a Site's status as the controller does without a router: Configured, Pending 'Not Running'", () => {
        const cluster = new FakeCluster();
        const site = cluster.addSite();
        const second = cluster.addSite("west", "second");
        cluster.settle();
        assert.deepEqual(
            [site.status.status, site.status.message, site.status.defaultIssuer],
            ["Pending", "Not Running", "skupper-site-ca"],
        );
        assert.equal(condition(site, "Configured").status, "True");
        assert.equal(condition(site, "Running"), undefined);
        assert.equal(second.status.status, "Error");
        assert.equal(second.status.message, "An active site already exists in the namespace (site)");
    });
});
