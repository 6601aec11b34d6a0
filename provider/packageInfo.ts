// The package's own manifest, found from wherever this module runs (the TypeScript
// sources in a clone, or the compiled files of an installed package): its version is
// the one version the plugin, the schema and the SDKs take.
import * as fs from "node:fs";
import * as path from "node:path";

export const PACKAGE_NAME = "@skupper-pulumi/attached-connector";

function findPackageRoot(from: string): string {
    for (let dir = from; ; dir = path.dirname(dir)) {
        const manifest = path.join(dir, "package.json");
        if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, "utf8")).name === PACKAGE_NAME) return dir;
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
