// Install path: examples/multi-cluster from fresh folders outside the repository, with the
// package from its tarball, in the README's order: the program with a provider per
// cluster, then the two teams' stacks, each on its own cluster's credentials, the second
// reading the first's grant through a StackReference. YAML with the real `pulumi up`;
// TypeScript through the Automation API (up.js), as the other TypeScript install paths.
import { paths } from "../../localenv/cluster/kubeClient";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { createDeployment, waitForReadyPods } from "../../localenv/cluster/objects";
import { e2e } from "../harness";
import { secondCluster } from "../secondCluster";
import {
    freshFolder,
    outputsFrom,
    packedTarball,
    removeFreshFolders,
    repoRoot,
    run,
    typescriptProject,
} from "./installWorld";

const example = path.join(repoRoot, "examples", "multi-cluster");
const programs = ["one-program", "accepting", "linking"] as const;
type Program = (typeof programs)[number];
type Env = Record<string, string>;

/** How a language's programs are run: `up` returns the stack's outputs; `exported` is `pulumi stack export`. */
interface Runner {
    up(program: Program, config: Record<string, string>, env?: Env): Record<string, any>;
    destroy(program: Program, env?: Env): void;
    exported(program: Program, env?: Env): string;
}

/** A state backend of the language's own: both languages' stacks have the same names. */
const backendFor = (language: string): Env => ({
    PULUMI_BACKEND_URL: `file://${freshFolder(`multi-cluster-${language}-state`)}`,
});

/** The three programs with the pulumi CLI. */
function pulumiCli(project: string, backend: Env): Runner {
    const pulumi = (program: Program, args: string[], env: Env = {}) =>
        run("pulumi", args, path.join(project, program), { ...backend, ...env });
    return {
        up(program, config, env = {}) {
            pulumi(program, ["stack", "select", "--create", "dev"], env);
            for (const [key, value] of Object.entries(config)) {
                const secret = key.endsWith("Kubeconfig") ? ["--secret"] : [];
                pulumi(program, ["config", "set", ...secret, key, value], env);
            }
            pulumi(program, ["up", "--yes", "--skip-preview"], env);
            return JSON.parse(pulumi(program, ["stack", "output", "--json"], env));
        },
        destroy: (program, env = {}) => void pulumi(program, ["destroy", "--yes", "--skip-preview"], env),
        exported: (program, env = {}) => pulumi(program, ["stack", "export", "--stack", "dev"], env),
    };
}

/** The compiled TypeScript programs through up.js (the Automation API hosts each program);
 * `pulumi stack export` needs no language host. */
function automationApi(project: string): Runner {
    const backend = backendFor("typescript");
    const upJs = path.join(project, "up.js");
    fs.copyFileSync(path.join(__dirname, "typescript", "up.js"), upJs);
    const node = (program: Program, config: Record<string, string>, env: Env, ...flags: string[]) => {
        // In a file, the kubeconfigs as secrets, as `pulumi config set --secret` makes them.
        const configFile = path.join(freshFolder(`multi-cluster-${program}-config`), "config.json");
        const entries = Object.entries(config).map(([k, value]) => [k, { value, secret: k.endsWith("Kubeconfig") }]);
        fs.writeFileSync(configFile, JSON.stringify(Object.fromEntries(entries)));
        const args = [upJs, "dev", e2e().toolchain.dir, `@${configFile}`, `../bin/${program}/index.js`, ...flags];
        return outputsFrom(run("node", args, path.join(project, program), { ...backend, ...env }));
    };
    return {
        up: (program, config, env = {}) => node(program, config, env),
        destroy: (program, env = {}) => void node(program, {}, env, "--destroy"),
        exported: pulumiCli(project, backend).exported,
    };
}

/** The README's order in cluster a (the workload in `shop`, site west) and cluster b (site east). */
async function assertLinkedInReadmeOrder(context: Mocha.Context, prefix: string, runner: Runner): Promise<void> {
    const a = e2e().env;
    const b = await secondCluster(context);
    const [shop, west, east] = ["shop", "west", "east"].map((n) => a.namespace(`${prefix}-${n}`));
    await a.createNamespaces(shop, west);
    await b.createNamespaces(east);
    await createDeployment(a.kube, shop, "backend", { app: "backend" }, 1);
    await waitForReadyPods(a.kube, shop, "app=backend", 1);

    const one = runner.up("one-program", {
        westKubeconfig: fs.readFileSync(a.kubeconfig, "utf8"),
        eastKubeconfig: fs.readFileSync(b.kubeconfig, "utf8"),
        workloadNamespace: shop,
        westNamespace: west,
        eastNamespace: east,
    });
    console.log(`      one program: ${JSON.stringify(one)}`);
    assert.deepEqual([one.linkConfigured, one.ready, one.hasMatchingConnector], [true, true, true]);
    runner.destroy("one-program");

    // Each team on its own cluster, its kubeconfig the ambient one.
    const [westTeam, eastTeam] = [{ KUBECONFIG: a.kubeconfig }, { KUBECONFIG: b.kubeconfig }];
    const accepting = runner.up("accepting", { westNamespace: west }, westTeam);
    assert.equal(accepting.ready, true);
    const linking = runner.up(
        "linking",
        { eastNamespace: east, acceptingStack: "organization/accepting/dev" },
        eastTeam,
    );
    console.log(`      two stacks: linking ${JSON.stringify(linking)}`);
    assert.deepEqual([linking.redeemed, linking.configured], [true, true]);
    const code = (await a.kube.get(paths.skupper(west, "AccessGrant", "to-east"))).status.code;
    assert.ok(
        !runner.exported("linking", eastTeam).includes(code),
        "the code is in plain text in `pulumi stack export` of the linking stack",
    );
    runner.destroy("linking", eastTeam);
    runner.destroy("accepting", westTeam);
    assert.equal(await b.kube.find(paths.skupper(east, "AccessToken", "to-west")), undefined);
    assert.equal(await a.kube.find(paths.skupper(west, "AccessGrant", "to-east")), undefined);
}

/** The TypeScript programs and their tsconfig in a fresh folder (their package.json, whose
 * dependency is the clone, left out: typescriptProject installs the tarball). */
function typescriptExample(): string {
    const project = freshFolder("multi-cluster-typescript");
    for (const program of programs)
        fs.cpSync(path.join(example, "typescript", program), path.join(project, program), { recursive: true });
    fs.copyFileSync(path.join(example, "typescript", "tsconfig.json"), path.join(project, "tsconfig.json"));
    return project;
}

describe("install path: the multi-cluster example", function () {
    this.timeout(900000);
    after(removeFreshFolders);

    it("in YAML: links two clusters and exposes the workload of one in the other, in one program and as two stacks", async function () {
        const project = freshFolder("multi-cluster-yaml");
        fs.cpSync(path.join(example, "yaml"), project, { recursive: true });
        run("npm", ["install", packedTarball()], project);
        await assertLinkedInReadmeOrder(this, "multi", pulumiCli(project, backendFor("yaml")));
    });

    it("in TypeScript: the same, from the npm tarball", async function () {
        const project = typescriptExample();
        typescriptProject(project);
        run("npx", ["tsc", "-p", "tsconfig.json"], project);
        await assertLinkedInReadmeOrder(this, "multi-ts", automationApi(project));
    });
});
