// The demo program itself (what `npm run demo` runs): a namespace with a
// real Deployment, a site namespace with a Site, the pair, ready after one up, and a
// listener for its routing key, matched both ways (and, in the network mode, answered
// by the backend's pod); destroy removes it all.
import * as assert from "node:assert/strict";
import { demo } from "../../../examples/demo/program";
import { e2e, newStack } from "../harness";
import { waitFor } from "../../localenv/cluster/processes";
import { sendThroughService } from "../../localenv/dataplane/traffic";
import { live, objectsIn, outputsOf } from "./pairWorld";

describe("lifecycle: the demo program", function () {
    this.timeout(600000);

    it("deploys the pair ready with its workload and site, and destroys it all", async () => {
        const { env } = e2e();
        const [shop, west] = [env.namespace("demo-e2e-shop"), env.namespace("demo-e2e-west")];
        const stack = await newStack(async () => demo(), "demo");
        await stack.setAllConfig({ workloadNamespace: { value: shop }, siteNamespace: { value: west } });
        const outputs = outputsOf(await stack.up());
        assert.equal(outputs.ready, true);
        assert.equal(outputs.connectorStatus, "Ready");
        assert.equal(outputs.objectName, "backend");

        // The demo's listener consumes the pair's routing key in the same site: once the
        // site's network reports both, a plain up says so on both sides.
        await waitFor(
            "the site's network to match the listener and the pair",
            async () =>
                (await live("AttachedConnectorBinding", west, "backend"))?.status?.hasMatchingListener &&
                ((await live("Listener", west, "frontend"))?.status as any)?.hasMatchingConnector
                    ? true
                    : undefined,
            120000,
        );
        const matched = outputsOf(await stack.up());
        assert.deepEqual([matched.hasMatchingListener, matched.hasMatchingConnector], [true, true]);
        if (env.mode === "network") {
            const target = { namespace: west, service: matched.listenerHost, port: matched.listenerPort };
            const [trip] = await waitFor(
                "the demo's listener to answer",
                async () => {
                    const trips = await sendThroughService(e2e().kube, target, ["hello"]);
                    return trips[0].pod ? trips : undefined;
                },
                120000,
            );
            assert.match(trip.pod!, /^backend-/);
        }

        await stack.destroy();
        assert.deepEqual(await objectsIn("AttachedConnector", [shop, west]), []);
        assert.deepEqual(await objectsIn("AttachedConnectorBinding", [shop, west]), []);
    });
});
