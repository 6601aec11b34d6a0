// Runs of install.sh on one machine share the toolchain's cache: provide.sh gives each
// tool one builder, and stops a build at its first failed step. These runs call its provide_tool around a fake, slow build in a temporary
// cache (never the real one), as install.sh calls it around a Go build.
import * as assert from "node:assert/strict";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { showsProgress } from "./toolchain";

const provideScript = path.join(__dirname, "provide.sh");

// The fake build counts itself in $cache/builds and moves its output into place as
// builds.sh does, after a pause long enough for a second run to arrive meanwhile.
const oneRun = `
set -euo pipefail
cache=$SKUPPER_PULUMI_CACHE
log() { printf '[toolchain %s] %s\\n' "$(date +%H:%M:%S)" "$*" >&2; } # as install.sh's
source "$1"
build_fake() {
  local out="$cache/tools/fake-v1"
  echo built >>"$cache/builds"
  mkdir -p "$out.tmp"
  sleep 2
  echo fake >"$out.tmp/fake"
  rm -rf "$out" && mv "$out.tmp" "$out"
}
provide_tool fake-v1 "$cache/tools/fake-v1/fake" build_fake
`;

interface Run {
    code: number | null;
    stderr: string;
}

function provideFakeTool(cache: string): Promise<Run> {
    const child = spawn("bash", ["-c", oneRun, "bash", provideScript], {
        env: { ...process.env, SKUPPER_PULUMI_CACHE: cache },
        stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    return new Promise((resolve) => child.on("close", (code) => resolve({ code, stderr })));
}

function buildsIn(cache: string): number {
    const counter = path.join(cache, "builds");
    return fs.existsSync(counter) ? fs.readFileSync(counter, "utf8").split("\n").filter(Boolean).length : 0;
}

describe("the toolchain's cache, shared by runs at the same time (provide.sh)", () => {
    let cache: string;
    beforeEach(() => (cache = fs.mkdtempSync(path.join(os.tmpdir(), "toolchain-lock-"))));
    afterEach(() => fs.rmSync(cache, { recursive: true, force: true }));

    it("builds a tool once for two runs: the second waits for the first's build, says so, and reuses it", async () => {
        const runs = await Promise.all([provideFakeTool(cache), provideFakeTool(cache)]);

        for (const run of runs) assert.equal(run.code, 0, `a run failed:\n${run.stderr}`);
        assert.equal(buildsIn(cache), 1, "the tool was built more than once");
        assert.equal(fs.readFileSync(path.join(cache, "tools/fake-v1/fake"), "utf8"), "fake\n");

        const waiters = runs.filter((run) => /fake-v1: waiting for another run/.test(run.stderr));
        assert.equal(waiters.length, 1, `expected one run to wait:\n${runs.map((run) => run.stderr).join("\n")}`);
        const [waiting, reusing] = waiters[0].stderr.trim().split("\n");
        assert.ok(showsProgress(waiting), `toolchain.ts would hold back the line: ${waiting}`);
        assert.match(reusing, /fake-v1: reusing what the other run built$/);
        assert.equal(runs.find((run) => run !== waiters[0])!.stderr, "", "the builder printed progress of its own");
    });

    it("reuses a finished tool without waiting, building or printing anything", async () => {
        assert.equal((await provideFakeTool(cache)).code, 0);
        const warm = await provideFakeTool(cache);

        assert.deepEqual(warm, { code: 0, stderr: "" });
        assert.equal(buildsIn(cache), 1);
    });
});

describe("a build whose step fails (provide.sh's run_logged)", () => {
    it("stops at the failed step, says so, and leaves no tool in place", async () => {
        const cache = fs.mkdtempSync(path.join(os.tmpdir(), "toolchain-fail-"));
        try {
            // As builds.sh writes them: the failed step is followed by the move into place.
            const script = `
set -euo pipefail
cache=$SKUPPER_PULUMI_CACHE
mkdir -p "$cache/logs"
log() { printf '%s\\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
source "$1"
build_broken() {
  local out="$cache/tools/broken-v1"
  mkdir -p "$out.tmp"
  false # a go build that fails
  rm -rf "$out" && mv "$out.tmp" "$out"
}
provide_tool broken-v1 "$cache/tools/broken-v1/broken" run_logged broken-v1 build_broken
`;
            const child = spawn("bash", ["-c", script, "bash", provideScript], {
                env: { ...process.env, SKUPPER_PULUMI_CACHE: cache },
                stdio: ["ignore", "ignore", "pipe"],
            });
            let stderr = "";
            child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
            const code = await new Promise((resolve) => child.on("close", resolve));
            assert.notEqual(code, 0, "the build was reported as done");
            assert.match(stderr, /ERROR: broken-v1: build failed/);
            assert.equal(
                fs.existsSync(path.join(cache, "tools/broken-v1")),
                false,
                "an incomplete build was moved into place",
            );
        } finally {
            fs.rmSync(cache, { recursive: true, force: true });
        }
    });
});
