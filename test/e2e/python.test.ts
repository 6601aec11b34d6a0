import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { e2e, pluginEnv } from "./harness";
import { assertExamplePair, assertHalvesPlanned, assertProviderPerHalf, Planned } from "./plannedPair";

const repoRoot = path.resolve(__dirname, "../..");

let sdkDir: string | undefined;

/** The generated Python SDK, installed (it reads its own version from its metadata). */
function installedSdk(): string {
    if (!sdkDir) {
        sdkDir = fs.mkdtempSync(path.join(e2e().stateDir, "python-sdk-"));
        // Built from a copy: setuptools writes its build folders beside the sources.
        const source = path.join(sdkDir, "source");
        fs.cpSync(path.join(repoRoot, "sdk", "python"), source, { recursive: true });
        execFileSync(
            path.join(e2e().toolchain.dir, "python", "bin", "pip"),
            ["install", "--quiet", "--no-deps", "--target", path.join(sdkDir, "site"), source],
            { stdio: "inherit" },
        );
        sdkDir = path.join(sdkDir, "site");
    }
    return sdkDir;
}

/** Previews (or updates) a Python program function with the real engine; returns what it plans to create, or its error. */
function runPython(
    moduleDir: string,
    module: string,
    fn: string,
    action: "preview" | "up" = "preview",
    env: Record<string, string> = {},
): { creates?: Planned[]; error?: string } {
    const { toolchain, stateDir } = e2e();
    const workDir = fs.mkdtempSync(path.join(stateDir, "python-"));
    const out = execFileSync(
        path.join(toolchain.dir, "python", "bin", "python"),
        [path.join(__dirname, "python", "run.py"), moduleDir, module, fn, workDir, toolchain.dir, action],
        {
            encoding: "utf8",
            env: {
                ...process.env,
                ...pluginEnv(),
                PYTHONPATH: installedSdk(),
                ...env,
            },
            stdio: ["ignore", "pipe", "inherit"],
        },
    );
    return JSON.parse(out.trim().split("\n").pop()!);
}

describe("the component from Python, through the generated SDK and the plugin", function () {
    this.timeout(300000);

    it("plans the example's pair with one name, cross-references and routing key", () => {
        const { creates, error } = runPython(path.join(repoRoot, "examples", "python"), "example", "program");
        assert.equal(error, undefined);
        assertExamplePair(creates!);
    });

    it("creates each half with the provider the Python program passes for it", () => {
        const { creates, error } = runPython(path.join(__dirname, "python"), "providers_program", "program");
        assert.equal(error, undefined);
        assertProviderPerHalf(creates!, "workload-team", "site-team");
    });

    it("plans each team's half alone and a consumer's listener", () => {
        const { creates, error } = runPython(path.join(__dirname, "python"), "providers_program", "halves");
        assert.equal(error, undefined);
        assertHalvesPlanned(creates!);
    });

    it("stops bad input from Python at preview, naming the field", () => {
        const { error } = runPython(path.join(__dirname, "python"), "providers_program", "bad_port");
        assert.match(error ?? "", /port: 70000 is not an integer from 1 to 65535/);
    });

    it("explains a wait that failed, from inside the plugin, as in TypeScript", async () => {
        const { env } = e2e();
        const [shop, west] = [env.namespace("python-nosite-shop"), env.namespace("python-nosite-west")];
        await env.createNamespaces(shop, west);
        const { error } = runPython(path.join(__dirname, "python"), "providers_program", "pair_without_site", "up", {
            PAIR_SHOP: shop,
            PAIR_WEST: west,
        });
        assert.match(
            error ?? "",
            new RegExp(
                `AttachedConnectorBinding ${west}/backend did not become Configured: namespace '${west}' has no Skupper Site`,
            ),
        );
    });
});
