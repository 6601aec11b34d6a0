// Install path: `pulumi package add` exactly as the README gives it, from a fresh folder
// with the npm tarball installed. The plugin's executable serves its schema with no
// language host at all; with the Go language host (PULUMI_LANGUAGE_GO, built elsewhere),
// the Go example uses the SDK that `pulumi package add` generates and previews a pair.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { withLanguageHost } from "../harness";
import { pairNamespaces } from "../lifecycle/pairWorld";
import { manifest } from "../../manifests";
import {
    freshFolder,
    goExampleModule,
    installPackage,
    removeFreshFolders,
    repoRoot,
    run,
    tested,
} from "./installWorld";

const PULUMI_SDK = "github.com/pulumi/pulumi/sdk/v3";
const KUBERNETES_SDK = "github.com/pulumi/pulumi-kubernetes/sdk/v4";

/** The README's `pulumi package add` command, as arguments of `pulumi`. */
function readmePackageAdd(): string[] {
    const readme = fs.readFileSync(path.join(repoRoot, "README.md"), "utf8");
    const command = readme
        .split("\n")
        .map((line) => line.trim())
        .find((line) => line.startsWith("pulumi package add "));
    assert.ok(command, "the README gives a `pulumi package add` command");
    return command.split(/\s+/).slice(1);
}

describe("install path: `pulumi package add` of the installed package, as the README gives it", function () {
    after(removeFreshFolders);

    it("reaches the plugin through the README's path and gets its schema, with no language host", () => {
        const folder = freshFolder("package-schema");
        installPackage(folder);
        assert.throws(() => run("which", ["pulumi-language-nodejs"], folder), "no Node.js language host is on PATH");
        const [, , source] = readmePackageAdd();
        const schema = JSON.parse(run("pulumi", ["package", "get-schema", source], folder));
        assert.equal(schema.name, "skupper");
        assert.equal(schema.version, manifest().version);
        assert.ok(schema.resources["skupper:index:AttachedConnectorPair"], "the schema has the pair");
    });

    it("generates the Go SDK with `pulumi package add` and previews a pair with it", async function () {
        const env = withLanguageHost(this, "go", "`pulumi package add` with Go");
        const { shop, west } = await pairNamespaces("package-add-go");
        // A module that requires the Pulumi SDKs the package is tested with, as the
        // example's own go.mod does; the generated SDK is what it lacks.
        const project = goExampleModule("package-add-go", [
            `-require=${PULUMI_SDK}@v${tested.pulumi}`,
            `-require=${KUBERNETES_SDK}@v${tested.kubernetes}`,
        ]);
        installPackage(project);
        run("pulumi", readmePackageAdd(), project, env);
        assert.match(
            read(project, "go.mod"),
            /^replace github\.com\/skupper-pulumi\/attached-connector\/sdk\/go => \.\/sdks\/skupper$/m,
        );

        // The engine finds the plugin on PATH, as the README says.
        const withPlugin = {
            ...env,
            PATH: `${path.join(project, "node_modules", ".bin")}${path.delimiter}${env.PATH}`,
        };
        const pulumi = (...args: string[]) => run("pulumi", args, project, withPlugin);
        pulumi("stack", "init", "package-add-go");
        pulumi("config", "set", "workloadNamespace", shop);
        pulumi("config", "set", "siteNamespace", west);
        const steps = (JSON.parse(pulumi("preview", "--json")) as PreviewJson).steps;
        const created = steps
            .filter((s) => s.op === "create" && typeOf(s.urn) !== "pulumi:pulumi:Stack")
            .map((s) => `${typeOf(s.urn)} ${s.newState?.inputs?.metadata?.namespace ?? ""}`.trim());
        assert.deepEqual(created, [
            "skupper:index:AttachedConnectorPair",
            `kubernetes:skupper.io/v2alpha1:AttachedConnector ${shop}`,
            `kubernetes:skupper.io/v2alpha1:AttachedConnectorBinding ${west}`,
        ]);
    });
});

interface PreviewJson {
    steps: { op: string; urn: string; newState?: { inputs?: { metadata?: { namespace?: string } } } }[];
}

/** A resource's type, the last part of its URN's type chain. */
function typeOf(urn: string): string {
    return urn.split("::")[2].split("$").pop()!;
}

function read(folder: string, file: string): string {
    return fs.readFileSync(path.join(folder, file), "utf8");
}
