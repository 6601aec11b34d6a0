// A consumer's listener: Skupper creates a Service named after its host, with a port named
// after the Listener. The package accepts a host and a name only where Kubernetes accepts
// that Service and that port, since Skupper, when the API server refuses them, only logs
// it and still reports the Listener Configured: the package's `ready` would then be true
// with no Service to connect to. Raw Listeners with the names the package refuses show it.
import * as assert from "node:assert/strict";
import { ConsumerListener, ConsumerListenerArgs } from "../../../provider/index";
import { paths } from "../../localenv/cluster/kubeClient";
import { waitFor } from "../../localenv/cluster/processes";
import { e2e, newStack } from "../harness";
import { condition, objectsIn, outputsOf, waitForStatus } from "../lifecycle/pairWorld";

interface Service {
    metadata: { name: string; labels?: Record<string, string> };
    spec: { ports: { name: string; port: number }[] };
}

const serviceIn = (namespace: string, name: string) =>
    e2e().kube.find<Service>(`/api/v1/namespaces/${namespace}/services/${name}`);

/** The listeners the package accepts at the edges of its rules: resource name, arguments, and the Service's name. */
const accepted: { resource: string; args: Partial<ConsumerListenerArgs>; host: string; port: string }[] = [
    { resource: "a", args: {}, host: "a", port: "a" },
    { resource: "orders-v2", args: {}, host: "orders-v2", port: "orders-v2" },
    { resource: "long", args: { objectName: "o".repeat(63) }, host: "o".repeat(63), port: "o".repeat(63) },
    {
        resource: "own-host",
        args: { objectName: "1orders", host: "h".repeat(63) },
        host: "h".repeat(63),
        port: "1orders",
    },
];

describe("a consumer's listener: a Service for every host the package accepts", function () {
    this.timeout(600000);

    it("Skupper creates the Service of each accepted listener, with a port named after the listener", async () => {
        const { env } = e2e();
        const east = env.namespace("hosts-east");
        await env.createNamespaces(east);
        await env.createSite(east);
        const stack = await newStack(async () => {
            const listeners = accepted.map(
                (l, i) =>
                    new ConsumerListener(l.resource, {
                        namespace: east,
                        routingKey: "orders",
                        port: 8080 + i,
                        ...l.args,
                    }),
            );
            return Object.fromEntries(
                listeners.map((l, i) => [accepted[i].resource, { ready: l.ready, host: l.host }]),
            );
        }, "hosts");
        const outputs = outputsOf(await stack.up());
        console.log(`      up: ${JSON.stringify(Object.values(outputs).map((o) => [o.host.slice(0, 12), o.ready]))}`);
        for (const [i, l] of accepted.entries()) {
            assert.deepEqual(outputs[l.resource], { ready: true, host: l.host }, l.resource);
            const service = await waitFor(`the Service ${l.host}`, () => serviceIn(east, l.host), 30000);
            assert.deepEqual(
                service.spec.ports.map((p) => [p.name, p.port]),
                [[l.port, 8080 + i]],
                l.resource,
            );
        }
    });

    it("refuses, naming the field, the hosts and names whose Service Kubernetes refuses, which Skupper reports Configured", async () => {
        const { env, kube } = e2e();
        const east = env.namespace("refused-east");
        await env.createNamespaces(east);
        await env.createSite(east);
        const refused: { name: string; host: string; field: RegExp }[] = [
            { name: "digit", host: "1cart", field: /- host: '1cart' is not valid; expected an RFC 1035 label/ },
            {
                name: "dotted",
                host: "shop.cart",
                field: /- host: 'shop.cart' is not valid; expected an RFC 1035 label/,
            },
            {
                name: "shop.cart",
                host: "cart",
                field: /- objectName: 'shop.cart' is not valid; expected a DNS-1123 label/,
            },
        ];
        for (const [i, r] of refused.entries()) {
            const args = { namespace: east, routingKey: "orders", port: 9090 + i, objectName: r.name, host: r.host };
            const stack = await newStack(async () => {
                new ConsumerListener("refused", args);
            }, "refused");
            const error = await stack.up().then(
                () => undefined,
                (e: Error) => e,
            );
            assert.match(error?.message ?? "up succeeded", r.field);
        }
        assert.deepEqual(await objectsIn("Listener", [east]), [], "the package created no Listener");

        // The same names as raw Listeners: Skupper configures them, and no Service comes.
        for (const [i, r] of refused.entries()) {
            await kube.create(paths.skupper(east, "Listener"), {
                apiVersion: "skupper.io/v2alpha1",
                kind: "Listener",
                metadata: { name: r.name },
                spec: { routingKey: "orders", host: r.host, port: 9090 + i },
            });
        }
        for (const r of refused) {
            const configured = await waitForStatus(
                `Skupper to configure the Listener ${r.name}`,
                ["Listener", east, r.name],
                (o) => condition(o, "Configured")?.status === "True",
            );
            assert.ok(configured);
        }
        // A Service Skupper creates comes with the Listener's handling, before its status.
        await new Promise((resolve) => setTimeout(resolve, 5000));
        for (const r of refused) assert.equal(await serviceIn(east, r.host), undefined, `no Service ${r.host}`);
    });
});
