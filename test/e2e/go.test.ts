import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { e2e, pluginEnv } from "./harness";
import { assertExamplePair, assertHalvesPlanned, assertProviderPerHalf, Planned } from "./plannedPair";

const exampleDir = path.resolve(__dirname, "../../examples/go");

/** Previews one of the Go example's programs with the real engine (see its preview_test.go). */
function previewGo(program: "example" | "providers" | "halves"): Planned[] {
    const { toolchain, stateDir } = e2e();
    const out = execFileSync("go", ["test", "-count=1", "-run", "TestPreview", "-v", "."], {
        cwd: exampleDir,
        encoding: "utf8",
        env: {
            ...process.env,
            ...pluginEnv(),
            PREVIEW_PROGRAM: program,
            PREVIEW_WORK_DIR: fs.mkdtempSync(path.join(stateDir, "go-")),
            PULUMI_ROOT: toolchain.dir,
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
        assertExamplePair(previewGo("example"));
    });

    it("creates each half with the provider the Go program passes for it", () => {
        assertProviderPerHalf(previewGo("providers"), "workload-team", "site-team");
    });

    it("plans each team's half alone and a consumer's listener", () => {
        assertHalvesPlanned(previewGo("halves"));
    });
});
