// What a release is made of: the public API of the package, and the one version that
// the package, the plugin, its schema, the SDKs and the policy pack all carry.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { load } from "js-yaml";
import { packName } from "../../policy/policies";
import { setUpMocks } from "../unit/mocks";
import { manifest } from "../manifests";

const rootPackage = manifest();
const policyPackage = manifest("policy");

const repoRoot = path.resolve(__dirname, "../..");
const read = (file: string) => fs.readFileSync(path.join(repoRoot, file), "utf8");
const json = (file: string) => JSON.parse(read(file));

/** The packages a source file imports, itself or through the files it imports. */
function packagesImported(file: string, seen = new Set<string>()): string[] {
    if (seen.has(file)) return [];
    seen.add(file);
    const imports = [...read(file).matchAll(/from "([^"]+)"/g)].map((m) => m[1]);
    return imports.flatMap((i) =>
        i.startsWith(".") ? packagesImported(path.join(path.dirname(file), `${i}.ts`), seen) : [i],
    );
}

describe("the package's public API", () => {
    it("exports the five components, the five typed Skupper resources and the components' error, and nothing else", async () => {
        await setUpMocks();
        const api = await import("../../provider/index");
        assert.deepEqual(Object.keys(api).sort(), [
            "AccessGrant",
            "AccessToken",
            "ArgumentsError",
            "AttachedConnector",
            "AttachedConnectorBinding",
            "AttachedConnectorPair",
            "Connector",
            "ConsumerListener",
            "Link",
            "Listener",
            "Site",
            "SiteHalf",
            "SkupperGrant",
            "SkupperLink",
            "SkupperSite",
            "WorkloadHalf",
        ]);
    });

    it("offers the validation rules, the shared constants and the halves as subpaths that load no Pulumi SDK", () => {
        assert.deepEqual(Object.keys(rootPackage.exports).sort(), [
            ".",
            "./constants",
            "./halves",
            "./package.json",
            "./validation",
        ]);
        for (const subpath of ["./validation", "./constants", "./halves"] as const) {
            const source = rootPackage.exports[subpath].default.replace("./bin/", "").replace(/\.js$/, ".ts");
            assert.deepEqual(
                packagesImported(source),
                [],
                `${subpath} imports no package, directly or through its imports`,
            );
            assert.deepEqual(rootPackage.typesVersions["*"][subpath.slice(2)], [
                rootPackage.exports[subpath].types.slice(2),
            ]);
        }
    });

    it("links the plugin's launcher as pulumi-resource-skupper, the path the README gives `pulumi package add`", () => {
        const launcher = "provider/plugin/pulumi-resource-skupper";
        assert.deepEqual(rootPackage.bin, { "pulumi-resource-skupper": launcher });
        assert.ok(rootPackage.files?.includes(launcher), "the launcher is packed");
        assert.match(read("README.md"), /^ *pulumi package add \.\/node_modules\/\.bin\/pulumi-resource-skupper$/m);
    });

    it("takes @pulumi/pulumi and @pulumi/kubernetes from the program, in a range that holds the tested versions", () => {
        for (const name of ["@pulumi/pulumi", "@pulumi/kubernetes"] as const) {
            const tested = rootPackage.devDependencies[name];
            assert.equal(rootPackage.peerDependencies[name], `^${tested}`, name);
            assert.equal(
                (rootPackage as { dependencies: Record<string, string> }).dependencies[name],
                undefined,
                `${name} is not a dependency`,
            );
        }
    });
});

describe("the version", () => {
    const version = rootPackage.version;

    it("is the one in the plugin's schema", () => {
        assert.equal(json("provider/schema.json").version, version);
    });

    it("is the one of each generated SDK", () => {
        assert.equal(json("sdk/nodejs/package.json").version, version);
        assert.equal(json("sdk/go/skupper/pulumi-plugin.json").version, version);
        assert.equal(json("sdk/python/pulumi_skupper/pulumi-plugin.json").version, version);
        assert.match(read("sdk/python/setup.py"), new RegExp(`^VERSION = "${version.replace(/\./g, "\\.")}"$`, "m"));
    });

    it("is the one of the policy pack, whose name PulumiPolicy.yaml states", () => {
        const project = load(read("policy/PulumiPolicy.yaml")) as {
            name: string;
            version: string;
            description: string;
        };
        assert.equal(policyPackage.version, version);
        assert.equal(project.version, version);
        assert.equal(project.name, packName);
        assert.ok(project.description.length > 20);
    });

    it("heads the changelog", () => {
        const first = read("CHANGELOG.md").match(/^## (\S+)/m);
        assert.equal(first?.[1], version);
    });
});
