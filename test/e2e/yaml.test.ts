import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { EngineEvent } from "@pulumi/pulumi/automation";
import { dump, load } from "js-yaml";
import { e2e } from "./harness";
import { yamlStack } from "./yamlStack";
import { assertExamplePair, assertProviderPerHalf, Planned } from "./plannedPair";

const exampleDir = path.resolve(__dirname, "../../examples/yaml");

/** What a preview plans to create. */
async function plannedCreates(stack: Awaited<ReturnType<typeof yamlStack>>): Promise<Planned[]> {
    const events: EngineEvent[] = [];
    await stack.preview({ onEvent: (e) => events.push(e) });
    return events.flatMap((e) => {
        const m = e.resourcePreEvent?.metadata;
        return m?.op === "create"
            ? [{ type: m.type, inputs: m.new?.inputs ?? {}, provider: m.new?.provider ?? "" }]
            : [];
    });
}

describe("the component from a Pulumi YAML program, through the plugin", function () {
    this.timeout(300000);

    it("plans the pair with one name, cross-references and routing key", async () => {
        // Here the plugin comes from PATH (pluginEnv): the example's plugins.providers names
        // the installed package's folder, which test/e2e/install/yaml.test.ts runs.
        const { plugins: _plugins, ...program } = load(
            fs.readFileSync(path.join(exampleDir, "Pulumi.yaml"), "utf8"),
        ) as Record<string, unknown>;
        const creates = await plannedCreates(await yamlStack(dump(program), "yaml-example"));
        const { connector, binding } = assertExamplePair(creates);
        assert.equal(connector.spec.selector, "app=backend");
        assert.equal(connector.metadata.annotations["pulumi.com/waitFor"], undefined);
        assert.equal(binding.metadata.annotations["pulumi.com/waitFor"], "condition=Configured");
    });

    it("creates each half with the provider the program passes for it", async () => {
        const kubeconfig = JSON.stringify(fs.readFileSync(e2e().env.kubeconfig, "utf8"));
        const creates = await plannedCreates(
            await yamlStack(
                `name: yaml-providers
runtime: yaml
resources:
  workloadTeam:
    type: pulumi:providers:kubernetes
    properties:
      kubeconfig: ${kubeconfig}
  siteTeam:
    type: pulumi:providers:kubernetes
    properties:
      kubeconfig: ${kubeconfig}
  backend:
    type: skupper:index:AttachedConnectorPair
    properties:
      connectorNamespace: example-shop
      siteNamespace: example-west
      port: 8080
      selector: app=backend
      connectorProvider: \${workloadTeam}
      bindingProvider: \${siteTeam}
`,
                "yaml-providers",
            ),
        );
        assertProviderPerHalf(creates, "workloadTeam", "siteTeam");
    });

    for (const [what, property, expected] of [
        ["a port out of range", "port: 70000", /port: 70000 is not an integer from 1 to 65535/],
        ["a port of the wrong type", "port: eighty", /port: Cannot assign type 'string' to type 'integer'/],
        ["an empty selector", 'selector: ""', /selector: must not be empty/],
    ] as [string, string, RegExp][]) {
        it(`stops ${what} at preview, naming the field`, async () => {
            const stack = await yamlStack(
                `name: yaml-bad
runtime: yaml
resources:
  backend:
    type: skupper:index:AttachedConnectorPair
    properties:
      connectorNamespace: example-shop
      siteNamespace: example-west
      ${property.startsWith("port") ? property : "port: 8080"}
      ${property.startsWith("selector") ? property : "selector: app=backend"}
`,
                "yaml-bad",
            );
            await assert.rejects(stack.preview(), (e: Error) => {
                assert.match(e.message, expected);
                return true;
            });
        });
    }

    it("explains a wait that failed, from inside the plugin too", async () => {
        const { env } = e2e();
        const [shop, west] = [env.namespace("yaml-nosite-shop"), env.namespace("yaml-nosite-west")];
        await env.createNamespaces(shop, west);
        const stack = await yamlStack(
            `name: yaml-nosite
runtime: yaml
resources:
  backend:
    type: skupper:index:AttachedConnectorPair
    properties:
      connectorNamespace: ${shop}
      siteNamespace: ${west}
      port: 8080
      selector: app=backend
      timeoutSeconds: 10
`,
            "yaml-nosite",
        );
        await assert.rejects(stack.up(), (e: Error) => {
            assert.match(
                e.message,
                new RegExp(
                    `AttachedConnectorBinding ${west}/backend did not become Configured: namespace '${west}' has no Skupper Site`,
                ),
            );
            return true;
        });
    });
});
