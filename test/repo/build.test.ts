// What a build leaves behind in a clone: compiling the whole tree (npm run build, npm run
// bench) must not mislead the compiled plugin about where the package is, and the folder
// provider/ must import as the package's API, not as the plugin.
import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { repoRoot } from "../manifests";

describe("a build in a clone", function () {
    this.timeout(180000);

    it("emits no package.json, and the compiled plugin finds the clone's schema", () => {
        // Inside the clone, where a build's output goes (bin/).
        fs.mkdirSync(path.join(repoRoot, "bin"), { recursive: true });
        const outDir = fs.mkdtempSync(path.join(repoRoot, "bin", "build-check-"));
        try {
            const tsc = path.join(repoRoot, "node_modules", ".bin", "tsc");
            execFileSync(tsc, ["-p", path.join(repoRoot, "tsconfig.json"), "--outDir", outDir], { stdio: "inherit" });
            assert.equal(fs.existsSync(path.join(outDir, "package.json")), false, "tsc copied package.json");
            // eslint-disable-next-line @typescript-eslint/no-require-imports -- the compiled module, by its path
            const { schemaPath } = require(path.join(outDir, "provider", "packageInfo.js"));
            assert.equal(schemaPath, path.join(repoRoot, "provider", "schema.json"));
        } finally {
            fs.rmSync(outDir, { recursive: true, force: true });
        }
    });

    it("imports the folder provider/ as the package's API (its index), not as the plugin", () => {
        assert.equal(require.resolve(path.join(repoRoot, "provider")), path.join(repoRoot, "provider", "index.ts"));
    });
});
