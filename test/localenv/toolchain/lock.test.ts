// Runs of install.sh on one machine share the toolchain's cache: lock.sh gives each tool
// one builder. These runs call its provide_tool around a fake, slow build in a temporary
// cache (never the real one), as install.sh calls it around a Go build.
import * as assert from "node:assert/strict";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { showsProgress } from "./toolchain";

const lockScript = path.join(__dirname, "lock.sh");

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
    const child = spawn("bash", ["-c", oneRun, "bash", lockScript], {
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

describe("the toolchain's cache, shared by runs at the same time (lock.sh)", () => {
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
