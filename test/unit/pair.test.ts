// What AttachedConnectorPair registers under Pulumi's standard mocks, as users test their
// programs: the two halves, their defaults, the order of the waits, how changes apply and
// the providers. (Its live status: pairStatus.test.ts.)
import * as assert from "node:assert/strict";
import type * as pulumi from "@pulumi/pulumi";
import type * as k8s from "@pulumi/kubernetes";
import { BINDING, CONNECTOR, ofType, registered, resetMocks, setUpMocks, valueOf } from "./mocks";
import { createPair } from "./pairFixture";

const DIGEST = "pulumi.skupper.io/connector-digest";

describe("AttachedConnectorPair", () => {
    let k8sModule: typeof k8s;

    before(async () => {
        await setUpMocks();
        k8sModule = await import("@pulumi/kubernetes");
    });
    beforeEach(resetMocks);

    const create = createPair;

    /** The digest of the connector's spec the binding carries, for the given arguments. */
    async function digestFor(args: Record<string, unknown>): Promise<string> {
        resetMocks();
        const { binding } = await create(args);
        return binding.inputs.spec.settings[DIGEST];
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
            assert.equal(binding.inputs.spec.connectorNamespace, "shop");
            assert.equal(binding.inputs.spec.routingKey, "orders-v1");
        });

        it("registers the children under the component, named after it", async () => {
            await create({});
            assert.ok(registered.find((r) => r.type === "skupper:index:AttachedConnectorPair"));
            const names = registered.filter((r) => r.custom).map((r) => r.name);
            assert.deepEqual(names.sort(), [
                "backend-binding",
                "backend-binding-status",
                "backend-connector",
                "backend-connector-status",
            ]);
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
            assert.equal(binding.inputs.spec.exposePodsByName, true);
            assert.equal(binding.inputs.spec.settings.b, "2");
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
        it("creates the connector unawaited, then the binding, which waits for Configured for 300 s", async () => {
            const { connector, binding, options } = await create({});
            assert.equal(connector.inputs.metadata.annotations["pulumi.com/waitFor"], undefined);
            assert.equal(connector.inputs.metadata.annotations["pulumi.com/skipAwait"], undefined);
            assert.equal(binding.inputs.metadata.annotations["pulumi.com/waitFor"], "condition=Configured");
            assert.equal(binding.inputs.metadata.annotations["pulumi.com/timeoutSeconds"], "300");
            const dependsOn = options[BINDING].dependsOn as pulumi.Resource[];
            assert.equal(dependsOn.length, 1);
            assert.match(await valueOf(dependsOn[0].urn), /:AttachedConnector::backend-connector$/);
        });

        it("waits for the binding's Ready (a matching listener) with awaitListener", async () => {
            const { connector, binding } = await create({ awaitListener: true });
            assert.equal(connector.inputs.metadata.annotations["pulumi.com/waitFor"], undefined);
            assert.equal(binding.inputs.metadata.annotations["pulumi.com/waitFor"], "condition=Ready");
        });

        it("applies timeoutSeconds to the binding's wait", async () => {
            const { binding } = await create({ timeoutSeconds: 45 });
            assert.equal(binding.inputs.metadata.annotations["pulumi.com/timeoutSeconds"], "45");
        });

        it("waits for nothing with skipAwait", async () => {
            const { binding } = await create({ skipAwait: true, awaitListener: true });
            assert.equal(binding.inputs.metadata.annotations["pulumi.com/waitFor"], undefined);
            assert.equal(binding.inputs.metadata.annotations["pulumi.com/skipAwait"], "true");
        });

        it("takes back hand-edited fields and deletes without waiting for the garbage collector", async () => {
            const { connector, binding } = await create({});
            for (const half of [connector, binding]) {
                assert.equal(half.inputs.metadata.annotations["pulumi.com/patchForce"], "true");
                assert.equal(half.inputs.metadata.annotations["pulumi.com/deletionPropagationPolicy"], "background");
            }
        });
    });

    describe("a change of the connector alone is awaited on the binding", () => {
        it("gives the binding a digest of the connector's spec, beside the user's settings", async () => {
            const { binding } = await create({ bindingSettings: { b: "2" } });
            assert.deepEqual(Object.keys(binding.inputs.spec.settings).sort(), ["b", DIGEST]);
            assert.match(binding.inputs.spec.settings[DIGEST], /^[0-9a-f]{16}$/);
        });

        it("changes the digest with every field of the connector, and with nothing of the binding's", async () => {
            const first = await digestFor({});
            assert.equal(await digestFor({}), first, "the same arguments give the same digest");
            for (const change of [
                { port: 9090 },
                { selector: "app=other" },
                { tlsCredentials: "tls" },
                { includeNotReadyPods: true },
                { type: "tcp" },
                { connectorSettings: { a: "1" } },
                { connectorNamespace: "shop2" },
                { siteNamespace: "west2" },
            ]) {
                assert.notEqual(await digestFor(change), first, JSON.stringify(change));
            }
            for (const change of [
                { routingKey: "other" },
                { exposePodsByName: true },
                { bindingSettings: { b: "2" } },
            ]) {
                assert.equal(await digestFor(change), first, JSON.stringify(change));
            }
        });
    });

    describe("replacements", () => {
        it("deletes a replaced connector before creating its replacement", async () => {
            const { options } = await create({});
            assert.equal(options[CONNECTOR].deleteBeforeReplace, true);
            assert.equal(options[CONNECTOR].replaceOnChanges, undefined);
        });

        it("replaces the binding, old one first, when the workload namespace moves", async () => {
            const { options } = await create({});
            assert.equal(options[BINDING].deleteBeforeReplace, true);
            assert.deepEqual(options[BINDING].replaceOnChanges, ["spec.connectorNamespace"]);
        });
    });

    describe("providers", () => {
        it("creates each half with its own provider when given", async () => {
            const connectorProvider = new k8sModule.Provider("workload-team", { kubeconfig: "{}" });
            const bindingProvider = new k8sModule.Provider("site-team", { kubeconfig: "{}" });
            const { connector, binding } = await create({ connectorProvider, bindingProvider });
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
});
