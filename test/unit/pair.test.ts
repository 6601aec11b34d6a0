// What AttachedConnectorPair registers under Pulumi's mocks: the two halves, their
// defaults, waiting, providers, outputs, and the options that decide how changes apply.
import * as assert from "node:assert/strict";
import type * as pulumi from "@pulumi/pulumi";
import type * as k8s from "@pulumi/kubernetes";
import {
    BINDING,
    CONNECTOR,

    mockedStatus,
    ofType,
    registered,
    resetMocks,
    setUpMocks,
    valueOf,
} from "./mocks";

type Provider = typeof import("../../provider/index");

const base = {
    connectorNamespace: "shop",
    siteNamespace: "west",
    port: 8080,
    selector: "app=backend",
};

function condition(type: string, status: "True" | "False", message = "OK") {
    return {
        type,
        status,
        reason: status === "True" ? "Ready" : "Error",
        message,
        lastTransitionTime: "2026-11-26T10:00:00Z",
        observedGeneration: 1,
    };
}

describe("AttachedConnectorPair", () => {
    let m: Provider;
    let k8sModule: typeof k8s;

    before(async () => {
        await setUpMocks();
        m = await import("../../provider/index");
        k8sModule = await import("@pulumi/kubernetes");
    });
    beforeEach(resetMocks);

    async function create(
        args: Partial<typeof base> & Record<string, unknown>,
        opts?: pulumi.ComponentResourceOptions,
        name = "backend",
    ) {
        const pair = new m.AttachedConnectorPair(name, { ...base, ...args } as any, opts);
        await valueOf(pair.ready);
        const [connector] = ofType(CONNECTOR);
        const [binding] = ofType(BINDING);
        return { pair, connector, binding };
    }

    describe("the two objects", () => {
        it("creates one AttachedConnector and one binding of the same name that point at each other", async () => {
            const { connector, binding } = await create({ objectName: "orders", routingKey: "orders-v1" });
            assert.equal(ofType(CONNECTOR).length, 1);
            assert.equal(ofType(BINDING).length, 1);
            assert.equal(connector.inputs.apiVersion, "skupper.io/v2alpha1");
            assert.equal(connector.inputs.kind, "AttachedConnector");
            assert.equal(binding.inputs.kind, "AttachedConnectorBinding");
            assert.deepEqual([connector.inputs.metadata.name, connector.inputs.metadata.namespace], ["orders", "shop"]);
            assert.deepEqual([binding.inputs.metadata.name, binding.inputs.metadata.namespace], ["orders", "west"]);
            assert.deepEqual(connector.inputs.spec, { siteNamespace: "west", port: 8080, selector: "app=backend" });
            assert.deepEqual(binding.inputs.spec, { connectorNamespace: "shop", routingKey: "orders-v1" });
        });

        it("registers the children under the component, named after it", async () => {
            await create({});
            const component = registered.find((r) => r.type === "skupper:index:AttachedConnectorPair");
            assert.ok(component, "the component itself is registered");
            assert.deepEqual(
                registered
                    .filter((r) => r.custom)
                    .map((r) => r.name)
                    .sort(),
                ["backend-binding", "backend-connector"],
            );
        });

        it("passes the optional connector and binding fields through", async () => {
            const { connector, binding } = await create({
                tlsCredentials: "backend-tls",
                useClientCert: true,
                includeNotReadyPods: true,
                type: "tcp",
                exposePodsByName: true,
                connectorSettings: { a: "1" },
                bindingSettings: { b: "2" },
                labels: { team: "shop" },
                annotations: { "example.com/owner": "shop-team" },
            });
            assert.deepEqual(connector.inputs.spec, {
                siteNamespace: "west",
                port: 8080,
                selector: "app=backend",
                tlsCredentials: "backend-tls",
                useClientCert: true,
                type: "tcp",
                includeNotReadyPods: true,
                settings: { a: "1" },
            });
            assert.deepEqual(binding.inputs.spec, {
                connectorNamespace: "shop",
                routingKey: "backend",
                exposePodsByName: true,
                settings: { b: "2" },
            });
            for (const r of [connector, binding]) {
                assert.deepEqual(r.inputs.metadata.labels, { team: "shop" });
                assert.equal(r.inputs.metadata.annotations["example.com/owner"], "shop-team");
            }
        });

        it("accepts outputs as arguments", async () => {
            const pulumiModule = await import("@pulumi/pulumi");
            const { connector, binding } = await create({
                port: pulumiModule.output(9090) as any,
                siteNamespace: Promise.resolve("east") as any,
            });
            assert.equal(connector.inputs.spec.port, 9090);
            assert.equal(binding.inputs.metadata.namespace, "east");
        });
    });

    describe("defaults", () => {
        it("names both objects after the resource and routes by that name", async () => {
            const { pair, connector, binding } = await create({});
            assert.equal(connector.inputs.metadata.name, "backend");
            assert.equal(binding.inputs.metadata.name, "backend");
            assert.equal(binding.inputs.spec.routingKey, "backend");
            assert.equal(await valueOf(pair.routingKey), "backend");
        });

        it("uses the object name as the routing key when only objectName is set", async () => {
            const { binding } = await create({ objectName: "orders" });
            assert.equal(binding.inputs.spec.routingKey, "orders");
        });
    });

    describe("waiting", () => {
        it("waits for the connector's Ready and the binding's Configured, 300 s each, by default", async () => {
            const { connector, binding } = await create({});
            assert.equal(connector.inputs.metadata.annotations["pulumi.com/waitFor"], "condition=Ready");
            assert.equal(binding.inputs.metadata.annotations["pulumi.com/waitFor"], "condition=Configured");
            assert.equal(connector.inputs.metadata.annotations["pulumi.com/timeoutSeconds"], "300");
            assert.equal(binding.inputs.metadata.annotations["pulumi.com/timeoutSeconds"], "300");
            assert.equal(connector.inputs.metadata.annotations["pulumi.com/skipAwait"], undefined);
        });

        it("takes back hand-edited fields and deletes without waiting for the garbage collector", async () => {
            const { connector, binding } = await create({});
            for (const half of [connector, binding]) {
                assert.equal(half.inputs.metadata.annotations["pulumi.com/patchForce"], "true");
                assert.equal(half.inputs.metadata.annotations["pulumi.com/deletionPropagationPolicy"], "background");
            }
        });

        it("waits for the binding's Ready (a matching listener) with awaitListener", async () => {
            const { connector, binding } = await create({ awaitListener: true });
            assert.equal(connector.inputs.metadata.annotations["pulumi.com/waitFor"], "condition=Ready");
            assert.equal(binding.inputs.metadata.annotations["pulumi.com/waitFor"], "condition=Ready");
        });

        it("applies timeoutSeconds to each half", async () => {
            const { connector, binding } = await create({ timeoutSeconds: 45 });
            assert.equal(connector.inputs.metadata.annotations["pulumi.com/timeoutSeconds"], "45");
            assert.equal(binding.inputs.metadata.annotations["pulumi.com/timeoutSeconds"], "45");
        });

        it("waits for nothing with skipAwait", async () => {
            const { connector, binding } = await create({ skipAwait: true, awaitListener: true });
            for (const r of [connector, binding]) {
                assert.equal(r.inputs.metadata.annotations["pulumi.com/waitFor"], undefined);
                assert.equal(r.inputs.metadata.annotations["pulumi.com/skipAwait"], "true");
            }
        });

    });

    describe("providers", () => {
        it("creates each half with its own provider when given", async () => {
            const connectorProvider = new k8sModule.Provider("workload-team", { kubeconfig: "{}" });
            const bindingProvider = new k8sModule.Provider("site-team", { kubeconfig: "{}" });
            const { connector, binding } = await create({ connectorProvider, bindingProvider } as any);
            assert.match(connector.provider, /pulumi:providers:kubernetes::workload-team::/);
            assert.match(binding.provider, /pulumi:providers:kubernetes::site-team::/);
        });

        it("uses the component's own provider otherwise", async () => {
            const shared = new k8sModule.Provider("cluster", { kubeconfig: "{}" });
            const { connector, binding } = await create({}, { providers: { kubernetes: shared } });
            assert.match(connector.provider, /::cluster::/);
            assert.match(binding.provider, /::cluster::/);
        });
    });

    describe("outputs", () => {
        it("reports the live status of both halves", async () => {
            mockedStatus[CONNECTOR] = {
                status: "Ready",
                message: "OK",
                conditions: [condition("Configured", "True"), condition("Ready", "True")],
            };
            mockedStatus[BINDING] = {
                status: "Pending",
                message: "No matching listeners",
                hasMatchingListener: false,
                conditions: [
                    condition("Configured", "True"),
                    condition("Matched", "False", "No matching listeners"),
                    condition("Ready", "False", "No matching listeners"),
                ],
            };
            const { pair } = await create({ objectName: "orders", routingKey: "orders-v1" });
            assert.equal(await valueOf(pair.objectName), "orders");
            assert.equal(await valueOf(pair.routingKey), "orders-v1");
            assert.equal(await valueOf(pair.connectorNamespace), "shop");
            assert.equal(await valueOf(pair.siteNamespace), "west");
            assert.equal(await valueOf(pair.connectorStatus), "Ready");
            assert.equal(await valueOf(pair.connectorMessage), "OK");
            assert.equal(await valueOf(pair.bindingStatus), "Pending");
            assert.equal(await valueOf(pair.bindingMessage), "No matching listeners");
            assert.equal(await valueOf(pair.hasMatchingListener), false);
            assert.equal(await valueOf(pair.ready), true);
            const conditions = await valueOf(pair.bindingConditions);
            assert.deepEqual(
                conditions.map((c) => [c.type, c.status]),
                [
                    ["Configured", "True"],
                    ["Matched", "False"],
                    ["Ready", "False"],
                ],
            );
            assert.equal(conditions[1].message, "No matching listeners");
            assert.equal((await valueOf(pair.connectorConditions)).length, 2);
        });

        it("reads an absent hasMatchingListener as false and a present one as is", async () => {
            mockedStatus[BINDING] = { status: "Ready", conditions: [condition("Configured", "True")] };
            const first = await create({});
            assert.equal(await valueOf(first.pair.hasMatchingListener), false);
            resetMocks();
            mockedStatus[BINDING] = {
                status: "Ready",
                hasMatchingListener: true,
                conditions: [condition("Configured", "True")],
            };
            const second = await create({}, undefined, "other");
            assert.equal(await valueOf(second.pair.hasMatchingListener), true);
        });

        it("reports empty strings, no conditions and not ready when Skupper has said nothing", async () => {
            const { pair } = await create({ skipAwait: true });
            assert.equal(await valueOf(pair.connectorStatus), "");
            assert.equal(await valueOf(pair.bindingMessage), "");
            assert.deepEqual(await valueOf(pair.connectorConditions), []);
            assert.equal(await valueOf(pair.ready), false);
        });

        it("is not ready while the binding is not Configured", async () => {
            mockedStatus[CONNECTOR] = { status: "Ready", conditions: [condition("Ready", "True")] };
            mockedStatus[BINDING] = {
                status: "Error",
                message: "No matching AttachedConnector",
                conditions: [condition("Configured", "False", "No matching AttachedConnector")],
            };
            const { pair } = await create({});
            assert.equal(await valueOf(pair.ready), false);
            assert.equal(await valueOf(pair.bindingMessage), "No matching AttachedConnector");
        });
    });

    describe("changes", () => {
        it("declares no replaceOnChanges: Skupper updates a changed siteNamespace or connectorNamespace in place", async () => {
            const options: Record<string, pulumi.ResourceOptions> = {};
            const pair = new m.AttachedConnectorPair("backend", base, {
                transformations: [
                    (args) => {
                        options[args.type] = args.opts;
                        return undefined;
                    },
                ],
            });
            await valueOf(pair.ready);
            // A replace under the same name would be applied before the old object is
            // deleted (a field conflict), and the delete would then remove the live object.
            // A changed metadata.name or metadata.namespace is still a replacement, by the
            // Kubernetes provider itself.
            assert.equal((options[CONNECTOR] as pulumi.CustomResourceOptions).replaceOnChanges, undefined);
            assert.equal((options[BINDING] as pulumi.CustomResourceOptions).replaceOnChanges, undefined);
        });
    });
});
