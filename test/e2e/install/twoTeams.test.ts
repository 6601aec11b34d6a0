// Install path: examples/two-teams from fresh folders outside the repository, with the
// package from its tarball, in the order its README gives: the workload team's stack,
// the site team's (which reads the first through a StackReference), the workload team's
// next plain up, and a consumer's listener. TypeScript through the Automation API (no
// Node.js language host here), YAML with the real `pulumi up`.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { e2e } from "../harness";
import { pairNamespaces } from "../lifecycle/pairWorld";
import {
    freshFolder,
    outputsFrom,
    packedTarball,
    removeFreshFolders,
    repoRoot,
    run,
    typescriptProject,
} from "./installWorld";

const example = path.join(repoRoot, "examples", "two-teams");
const teams = ["workload-team", "site-team", "consumer"] as const;

/** The namespaces of the three teams: a workload, a site and a consuming site. */
async function teamNamespaces(base: string) {
    const { shop, west } = await pairNamespaces(base);
    const east = e2e().env.namespace(`${base}-east`);
    await e2e().env.createNamespaces(east);
    await e2e().env.createSite(east);
    return { shop, west, east };
}

/** The example's files (but its package.json, whose dependency is the clone) in a fresh folder. */
function copyExample(language: "typescript" | "yaml"): string {
    const project = freshFolder(`two-teams-${language}`);
    for (const team of teams)
        fs.cpSync(path.join(example, language, team), path.join(project, team), { recursive: true });
    return project;
}

type TeamUp = (team: (typeof teams)[number], config: Record<string, string>) => Record<string, unknown>;

/** The README's order, each team's up through `up`: the workload team's half waits for the site team's until its next up. */
function assertReadyInReadmeOrder(up: TeamUp, { shop, west, east }: Record<"shop" | "west" | "east", string>): void {
    const workloadConfig = { workloadNamespace: shop, siteNamespace: west };
    const steps: Record<string, Record<string, unknown>> = {};
    steps["workload team, up"] = up("workload-team", workloadConfig);
    steps["site team, up"] = up("site-team", { siteNamespace: west, workloadStack: "organization/workload-team/dev" });
    steps["workload team, next up"] = up("workload-team", workloadConfig);
    steps["consumer, up"] = up("consumer", { consumerNamespace: east, siteStack: "organization/site-team/dev" });
    for (const [step, outputs] of Object.entries(steps)) console.log(`      ${step}: ${JSON.stringify(outputs)}`);
    assert.equal(steps["workload team, up"].ready, false);
    assert.match(String(steps["workload team, up"].waitingFor), /AttachedConnectorBinding 'backend' .*the site team/);
    assert.equal(steps["site team, up"].ready, true);
    assert.equal(steps["workload team, next up"].ready, true);
    assert.deepEqual([steps["consumer, up"].ready, steps["consumer, up"].host], [true, "backend"]);
}

describe("install path: the two-teams example, three stacks", function () {
    after(removeFreshFolders);

    it("in TypeScript, from the npm tarball, in the README's order", async () => {
        const namespaces = await teamNamespaces("two-ts");
        const project = copyExample("typescript");
        fs.copyFileSync(path.join(example, "typescript", "tsconfig.json"), path.join(project, "tsconfig.json"));
        typescriptProject(project);
        run("npx", ["tsc", "-p", "tsconfig.json"], project);
        // In the project, so that it loads the project's own @pulumi/pulumi, as the program does.
        const upJs = path.join(project, "up.js");
        fs.copyFileSync(path.join(__dirname, "typescript", "up.js"), upJs);
        const up: TeamUp = (team, config) =>
            outputsFrom(
                run(
                    "node",
                    [upJs, "dev", e2e().toolchain.dir, JSON.stringify(config), `../bin/${team}/index.js`],
                    path.join(project, team),
                ),
            );
        assertReadyInReadmeOrder(up, namespaces);
    });

    it("in YAML, with `pulumi up`, the plugin found through plugins.providers", async () => {
        const namespaces = await teamNamespaces("two-yaml");
        const project = copyExample("yaml");
        fs.copyFileSync(path.join(example, "yaml", "package.json"), path.join(project, "package.json"));
        run("npm", ["install", packedTarball()], project);
        // A backend of its own: the TypeScript test's stacks have the same names.
        const backend = { PULUMI_BACKEND_URL: `file://${freshFolder("two-teams-yaml-state")}` };
        const up: TeamUp = (team, config) => {
            const dir = path.join(project, team);
            run("pulumi", ["stack", "select", "--create", "dev"], dir, backend);
            for (const [key, value] of Object.entries(config))
                run("pulumi", ["config", "set", key, value], dir, backend);
            run("pulumi", ["up", "--yes", "--skip-preview"], dir, backend);
            return JSON.parse(run("pulumi", ["stack", "output", "--json"], dir, backend));
        };
        assertReadyInReadmeOrder(up, namespaces);
    });
});
