import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { e2e, pluginPath, pulumiEnv } from "./harness";

const repoRoot = path.resolve(__dirname, "../..");

interface Planned { type: string; inputs: any; provider: string }

let sdkDir: string | undefined;

/** The generated Python SDK, installed (it reads its own version from its metadata). */
function installedSdk(): string {
    if (!sdkDir) {
        sdkDir = fs.mkdtempSync(path.join(e2e().stateDir, "python-sdk-"));
        // Built from a copy: setuptools writes its build folders beside the sources.
        const source = path.join(sdkDir, "source");
        fs.cpSync(path.join(repoRoot, "sdk", "python"), source, { recursive: true });
        execFileSync(path.join(e2e().toolchain, "python", "bin", "pip"), [
            "install", "--quiet", "--no-deps", "--target", path.join(sdkDir, "site"), source,
        ], { stdio: "inherit" });
        sdkDir = path.join(sdkDir, "site");
    }
    return sdkDir;
}

/** Previews a Python program function with the real engine; returns what it plans to create. */
function previewPython(moduleDir: string, module: string, fn: string): { creates?: Planned[]; error?: string } {
    const { toolchain, stateDir } = e2e();
    const workDir = fs.mkdtempSync(path.join(stateDir, "python-"));
    const out = execFileSync(path.join(toolchain, "python", "bin", "python"), [
        path.join(__dirname, "python", "preview.py"), moduleDir, module, fn, workDir, toolchain,
    ], {
        encoding: "utf8",
        env: {
            ...process.env,
            ...pulumiEnv(),
            PATH: `${pluginPath}${path.delimiter}${pulumiEnv().PATH}`,
            PYTHONPATH: installedSdk(),
        },
        stdio: ["ignore", "pipe", "inherit"],
    });
    return JSON.parse(out.trim().split("\n").pop()!);
}

describe("the component from Python, through the generated SDK and the plugin", function () {
    this.timeout(300000);

    it("plans the example's pair with one name, cross-references and routing key", () => {
        const { creates, error } = previewPython(path.join(repoRoot, "examples", "python"), "example", "program");
        assert.equal(error, undefined);
        const of = (type: string) => creates!.filter((c) => c.type === type);
        assert.equal(of("skupper:index:AttachedConnectorPair").length, 1);
        const [connector] = of("kubernetes:skupper.io/v2alpha1:AttachedConnector").map((c) => c.inputs);
        const [binding] = of("kubernetes:skupper.io/v2alpha1:AttachedConnectorBinding").map((c) => c.inputs);
        assert.deepEqual([connector.metadata.name, connector.metadata.namespace, connector.spec.siteNamespace, connector.spec.port],
            ["backend", "example-shop", "example-west", 8080]);
        assert.deepEqual([binding.metadata.name, binding.metadata.namespace, binding.spec.connectorNamespace, binding.spec.routingKey],
            ["backend", "example-west", "example-shop", "backend"]);
    });

    it("creates each half with the provider the Python program passes for it", () => {
        const { creates, error } = previewPython(path.join(__dirname, "python"), "providers_program", "program");
        assert.equal(error, undefined);
        const providerOf = (type: string) => creates!.find((c) => c.type === type)?.provider ?? "";
        assert.match(providerOf("kubernetes:skupper.io/v2alpha1:AttachedConnector"), /pulumi:providers:kubernetes::workload-team::/);
        assert.match(providerOf("kubernetes:skupper.io/v2alpha1:AttachedConnectorBinding"), /pulumi:providers:kubernetes::site-team::/);
    });

    it("stops bad input from Python at preview, naming the field", () => {
        const { error } = previewPython(path.join(__dirname, "python"), "providers_program", "bad_port");
        assert.match(error ?? "", /port: 70000 is not an integer from 1 to 65535/);
    });
});
