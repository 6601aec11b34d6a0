// What the install-path tests share: a fresh folder outside the repository for each, the
// npm package packed once per run, commands run as a user runs them (with the environment
// of the local control plane), and the check of the pair's outputs that every path prints.
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { e2e, pulumiEnv } from "../harness";
import { pairNamespaces } from "../lifecycle/pairWorld";
import { manifest } from "../../manifests";

const rootPackage = manifest();

export const repoRoot = path.resolve(__dirname, "../../..");

/** The versions the package is tested with. The toolchain provides the plugins of
 * exactly these Pulumi and Kubernetes SDKs, and this machine downloads no others. */
export const tested = {
    pulumi: rootPackage.devDependencies["@pulumi/pulumi"],
    kubernetes: rootPackage.devDependencies["@pulumi/kubernetes"],
    typescript: rootPackage.devDependencies.typescript,
    nodeTypes: rootPackage.devDependencies["@types/node"],
    mocha: rootPackage.devDependencies.mocha,
    mochaTypes: rootPackage.devDependencies["@types/mocha"],
};

const folders: string[] = [];

/** A new, empty folder outside the repository for one test; see removeFreshFolders. */
export function freshFolder(name: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `skupper-install-${name}-`));
    folders.push(dir);
    return dir;
}

/** Removes the tests' fresh folders (what the run shares lives in the harness's state folder). */
export function removeFreshFolders(): void {
    for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** A folder for what the tests of a run share, removed with the harness's state folder. */
function sharedFolder(name: string): string {
    return fs.mkdtempSync(path.join(e2e().stateDir, `${name}-`));
}

/** Runs a command as a user would, with pulumi's local environment; returns its stdout.
 * On failure the error carries both outputs. */
export function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}): string {
    const result = spawnSync(command, args, {
        cwd,
        encoding: "utf8",
        env: { ...process.env, ...pulumiEnv(), ...env },
        maxBuffer: 64 * 1024 * 1024,
    });
    if (result.status !== 0) {
        throw new Error(
            `${command} ${args.join(" ")} (in ${cwd}) failed with ${result.status ?? result.signal}:\n${result.stdout}\n${result.stderr}`,
        );
    }
    return result.stdout;
}

let tarball: string | undefined;

/** `npm pack` of the package (its prepare script builds it), once per run. */
export function packedTarball(): string {
    if (!tarball) {
        const dir = sharedFolder("tarball");
        const name = run("npm", ["pack", "--pack-destination", dir], repoRoot).trim().split("\n").pop()!;
        tarball = path.join(dir, name);
    }
    return tarball;
}

/** Installs the package from its tarball into `folder` (a new npm project, unless it has
 * a package.json), with its peer dependencies, as the README says. */
export function installPackage(folder: string): void {
    if (!fs.existsSync(path.join(folder, "package.json"))) run("npm", ["init", "--yes"], folder);
    run(
        "npm",
        ["install", packedTarball(), `@pulumi/pulumi@${tested.pulumi}`, `@pulumi/kubernetes@${tested.kubernetes}`],
        folder,
    );
}

/** Makes `project` a TypeScript project with the package from its tarball, its peer
 * dependencies, and TypeScript with Node's types and `devPackages` for development. */
export function typescriptProject(project: string, devPackages: string[] = []): void {
    installPackage(project);
    const dev = [`typescript@${tested.typescript}`, `@types/node@${tested.nodeTypes}`, ...devPackages];
    run("npm", ["install", "--save-dev", ...dev], project);
}

let plugin: string | undefined;

/** The plugin's folder in the package as npm installs it from the tarball (with its peer
 * dependencies), once per run: what programs in Python and Go put on PATH. */
export function installedPluginFolder(): string {
    if (!plugin) {
        const dir = sharedFolder("plugin");
        installPackage(dir);
        plugin = path.join(dir, "node_modules", "@skupper-pulumi", "attached-connector", "provider", "plugin");
    }
    return plugin;
}

/** PATH with the installed plugin's folder first, as the README tells Python and Go users. */
export function withInstalledPlugin(): Record<string, string> {
    return { PATH: `${installedPluginFolder()}${path.delimiter}${pulumiEnv().PATH}` };
}

/** The Go example's program in a fresh module of its own, its go.mod edited with `edits`
 * (`go mod edit` flags). */
export function goExampleModule(name: string, edits: string[]): string {
    const module = freshFolder(name);
    for (const file of ["Pulumi.yaml", "main.go"])
        fs.copyFileSync(path.join(repoRoot, "examples", "go", file), path.join(module, file));
    run("go", ["mod", "init", "example.com/skupper-pair"], module);
    run("go", ["mod", "edit", ...edits], module);
    return module;
}

export type PairNamespaces = Awaited<ReturnType<typeof pairNamespaces>>;

/** The YAML example in a fresh folder, with the package installed from its tarball where
 * the example's Pulumi.yaml names the plugin's path (plugins.providers). */
export function yamlExampleProject(name: string): string {
    const project = freshFolder(name);
    for (const file of ["Pulumi.yaml", "package.json"])
        fs.copyFileSync(path.join(repoRoot, "examples", "yaml", file), path.join(project, file));
    run("npm", ["install", packedTarball()], project);
    return project;
}

/** `pulumi up` of a YAML project with the real CLI, as the README shows; returns the
 * stack's outputs (`pulumi stack output --json`). */
export function pulumiUp(
    project: string,
    stack: string,
    { shop, west }: PairNamespaces,
    upArgs: string[] = [],
): Record<string, unknown> {
    run("pulumi", ["stack", "init", stack], project);
    run("pulumi", ["config", "set", "workloadNamespace", shop], project);
    run("pulumi", ["config", "set", "siteNamespace", west], project);
    run("pulumi", ["up", "--yes", "--skip-preview", ...upArgs], project);
    return JSON.parse(run("pulumi", ["stack", "output", "--json"], project));
}

/** The last line of a driver's output: a JSON object of the stack's outputs. */
export function outputsFrom(stdout: string): Record<string, unknown> {
    return JSON.parse(stdout.trim().split("\n").pop()!);
}

/** Prints the pair's outputs, as the user sees them, and checks what the user would. */
export function assertPairReady(path: string, outputs: Record<string, unknown>): void {
    console.log(`      ${path}: ${JSON.stringify(outputs)}`);
    assert.equal(outputs.objectName, "backend");
    assert.equal(outputs.routingKey, "backend");
    assert.equal(outputs.ready, true, "the pair is ready: the connector Ready, the binding Configured");
    assert.equal(outputs.hasMatchingListener, false, "no listener with the routing key exists yet");
}
