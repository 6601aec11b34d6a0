// skupper-listener-served: Listeners and bindings whose routing key the stack does not
// serve or consume, which may be fine when the other side lives in another stack.
import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { listenerServed } from "../../../policy/stack/listenerServed";
import { asSentToPolicies, connector, listener, pair, Resource, validateStack } from "../helper";

const preview = (r: Resource): Resource => ({ ...r, props: asSentToPolicies(r.props) });

describe("skupper-listener-served", () => {
    it("is advisory", () => assert.equal(listenerServed.enforcementLevel, "advisory"));

    it("passes Listeners and bindings that share their routing keys, in any namespaces", async () => {
        const resources = [
            ...pair("orders"),
            ...pair("cart", "shop-cart"),
            listener("east", "orders"),
            listener("south", "orders-south", { routingKey: "orders" }),
            listener("north", "cart", { routingKey: "shop-cart" }),
        ];
        assert.deepEqual(await validateStack(listenerServed, resources), []);
    });

    it("flags a Listener whose routing key no binding in the stack serves, saying it may be served elsewhere", async () => {
        const l = listener("east", "orders", { routingKey: "orders-v2" });
        assert.deepEqual(
            await validateStack(listenerServed, [
                ...pair("orders"),
                listener("east", "x", { routingKey: "orders" }),
                l,
            ]),
            [
                {
                    message:
                        "Listener 'east/orders': no AttachedConnectorBinding in this stack serves routing key 'orders-v2'; that may be fine when another stack declares the binding (or a Skupper Connector serves the key), otherwise add the binding or correct spec.routingKey.",
                    urn: l.urn,
                },
            ],
        );
    });

    it("flags a binding whose routing key no Listener in the stack consumes, saying it may be consumed elsewhere", async () => {
        const [c, b] = pair("orders");
        assert.deepEqual(await validateStack(listenerServed, [c, b]), [
            {
                message:
                    "AttachedConnectorBinding 'west/orders': no Listener in this stack consumes routing key 'orders'; that may be fine when another stack declares the Listener, otherwise add a Listener or correct spec.routingKey.",
                urn: b.urn,
            },
        ]);
    });

    it("flags every Listener of an unserved key, and ignores AttachedConnectors, which carry no routing key", async () => {
        const first = listener("east", "a", { routingKey: "billing" });
        const second = listener("north", "b", { routingKey: "billing" });
        const violations = await validateStack(listenerServed, [first, second, connector("shop", "billing")]);
        assert.deepEqual(
            violations.map((v) => v.urn),
            [first.urn, second.urn],
        );
    });

    it("reads only the routing keys: a preview's unknown port or host does not stop it", async () => {
        const l = preview(listener("east", "orders", { port: pulumi.unknown, host: pulumi.unknown }));
        assert.deepEqual(await validateStack(listenerServed, [...pair("orders"), l]), []);
    });

    it("cannot run in a preview while a routing key is unknown, as the server reports it", async () => {
        const l = preview(listener("east", "orders", { routingKey: pulumi.unknown }));
        const [v, ...rest] = await validateStack(listenerServed, [...pair("orders"), l]);
        assert.deepEqual(rest, []);
        assert.match(v.message, /^can't run during preview/);
    });
});
