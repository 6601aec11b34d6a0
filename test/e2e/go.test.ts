import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { e2e, pluginPath, pulumiEnv } from "./harness";

const exampleDir = path.resolve(__dirname, "../../examples/go");

interface Planned { type: string; inputs: any; provider: string }

/** Previews one of the Go example's programs with the real engine (see its preview_test.go). */
function previewGo(program: "example" | "providers"): Planned[] {
    const { toolchain, stateDir } = e2e();
    const out = execFileSync("go", ["test", "-count=1", "-run", "TestPreview", "-v", "."], {
        cwd: exampleDir,
        encoding: "utf8",
        env: {
            ...process.env,
            ...pulumiEnv(),
            PATH: `${pluginPath}${path.delimiter}${pulumiEnv().PATH}`,
            PREVIEW_PROGRAM: program,
            PREVIEW_WORK_DIR: fs.mkdtempSync(path.join(stateDir, "go-")),
            PULUMI_ROOT: toolchain,
        },
        stdio: ["ignore", "pipe", "inherit"],
        maxBuffer: 64 * 1024 * 1024,
    });
    const line = out.split("\n").find((l) => l.startsWith("planned: "));
    assert.ok(line, `no plan in:\n${out}`);
    return JSON.parse(line.slice("planned: ".length));
}

describe("the component from Go, through the generated SDK and the plugin", function () {
    this.timeout(600000);

    it("plans the example's pair with one name, cross-references and routing key", () => {
        const creates = previewGo("example");
        const of = (type: string) => creates.filter((c) => c.type === type).map((c) => c.inputs);
        assert.equal(of("skupper:index:AttachedConnectorPair").length, 1);
        const [connector] = of("kubernetes:skupper.io/v2alpha1:AttachedConnector");
        const [binding] = of("kubernetes:skupper.io/v2alpha1:AttachedConnectorBinding");
        assert.deepEqual([connector.metadata.name, connector.metadata.namespace, connector.spec.siteNamespace, connector.spec.port],
            ["backend", "example-shop", "example-west", 8080]);
        assert.deepEqual([binding.metadata.name, binding.metadata.namespace, binding.spec.connectorNamespace, binding.spec.routingKey],
            ["backend", "example-west", "example-shop", "backend"]);
    });

    it("creates each half with the provider the Go program passes for it", () => {
        const creates = previewGo("providers");
        const providerOf = (type: string) => creates.find((c) => c.type === type)?.provider ?? "";
        assert.match(providerOf("kubernetes:skupper.io/v2alpha1:AttachedConnector"), /pulumi:providers:kubernetes::workload-team::/);
        assert.match(providerOf("kubernetes:skupper.io/v2alpha1:AttachedConnectorBinding"), /pulumi:providers:kubernetes::site-team::/);
    });
});
