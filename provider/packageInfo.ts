// The package's own manifest, found from wherever this module runs (the TypeScript
// sources in a clone, or the compiled files of an installed package): its version is
// the one version the plugin, the schema and the SDKs take.
import * as fs from "node:fs";
import * as path from "node:path";

export const PACKAGE_NAME = "@skupper-pulumi/attached-connector";

/** The package's folder: the first above `from` with its manifest and the plugin's schema (a copy of the manifest alone, in a build's output, is not it). */
function findPackageRoot(from: string): string {
    for (let dir = from; ; dir = path.dirname(dir)) {
        const manifest = path.join(dir, "package.json");
        const isRoot =
            fs.existsSync(manifest) &&
            JSON.parse(fs.readFileSync(manifest, "utf8")).name === PACKAGE_NAME &&
            fs.existsSync(path.join(dir, "provider", "schema.json"));
        if (isRoot) return dir;
        if (path.dirname(dir) === dir)
            throw new Error(
                `package.json: none named ${PACKAGE_NAME} above ${from}; expected this module inside that package`,
            );
    }
}

/** The package's folder: the clone's root, or node_modules/@skupper-pulumi/attached-connector. */
export const packageRoot = findPackageRoot(__dirname);

export const packageVersion: string = JSON.parse(
    fs.readFileSync(path.join(packageRoot, "package.json"), "utf8"),
).version;

/** The schema the plugin serves (written by `npm run schema`). */
export const schemaPath = path.join(packageRoot, "provider", "schema.json");
