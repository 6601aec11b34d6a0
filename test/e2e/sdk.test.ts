import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { generateSdks, repoRoot, sdkLanguages } from "../../scripts/sdk";
import { e2e } from "./harness";

function filesUnder(dir: string): Map<string, string> {
    const files = new Map<string, string>();
    const walk = (d: string) => {
        for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
            const full = path.join(d, entry.name);
            if (entry.isDirectory()) walk(full);
            else files.set(path.relative(dir, full), fs.readFileSync(full, "utf8"));
        }
    };
    walk(dir);
    return files;
}

describe("the generated SDKs", function () {
    this.timeout(600000);
    let fresh: string;

    before(() => {
        fresh = fs.mkdtempSync(path.join(e2e().stateDir, "sdk-"));
        generateSdks(e2e().toolchain.dir, fresh);
    });

    for (const language of sdkLanguages) {
        it(`sdk/${language} is what the pinned generators write from provider/schema.json (run \`npm run sdk\` after \`npm run schema\`)`, () => {
            const committed = filesUnder(path.join(repoRoot, "sdk", language));
            const generated = filesUnder(path.join(fresh, language));
            assert.deepEqual([...committed.keys()].sort(), [...generated.keys()].sort());
            for (const [file, content] of generated)
                assert.equal(committed.get(file), content, `sdk/${language}/${file}`);
        });
    }

    it("the Node.js SDK compiles against the pinned @pulumi/pulumi and @pulumi/kubernetes", () => {
        const out = path.join(fresh, "nodejs-out");
        execFileSync(
            path.join(repoRoot, "node_modules/.bin/tsc"),
            ["-p", path.join(repoRoot, "sdk/nodejs/tsconfig.json"), "--outDir", out],
            { stdio: "inherit" },
        );
        assert.ok(fs.existsSync(path.join(out, "attachedConnectorPair.js")));
    });

    it("the Python SDK is valid Python", () => {
        execFileSync("python3", ["-m", "compileall", "-q", path.join(repoRoot, "sdk/python")], {
            stdio: "inherit",
            env: { ...process.env, PYTHONPYCACHEPREFIX: path.join(fresh, "pycache") },
        });
    });

    it("the Go SDK builds as committed (go.mod complete, go.sum present) and go vet finds nothing", () => {
        const go = (...args: string[]) =>
            execFileSync("go", args, {
                cwd: path.join(repoRoot, "sdk/go"),
                stdio: "inherit",
                env: { ...process.env, GOFLAGS: "-mod=readonly" },
            });
        go("vet", "./...");
        go("build", "./...");
    });
});
