// The demo program itself (what `npm run demo` runs): a namespace with a
// real Deployment, a site namespace with a Site, and the pair, ready after one up;
// destroy removes it all.
import * as assert from "node:assert/strict";
import { demo } from "../../../examples/demo/program";
import { e2e, newStack } from "../harness";
import { objectsIn, outputsOf } from "./pairWorld";

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

        await stack.destroy();
        assert.deepEqual(await objectsIn("AttachedConnector", [shop, west]), []);
        assert.deepEqual(await objectsIn("AttachedConnectorBinding", [shop, west]), []);
    });
});
