// The repository's package manifests, read at run time. Not imported as modules: tsc would
// then copy package.json into its output, and the compiled plugin would take that copy for
// the package's root.
import * as fs from "node:fs";
import * as path from "node:path";

export const repoRoot = path.resolve(__dirname, "..");

export interface Manifest {
    name: string;
    version: string;
    main?: string;
    bin?: Record<string, string>;
    files?: string[];
    exports: Record<string, { types: string; default: string }>;
    typesVersions: Record<string, Record<string, string[]>>;
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
    peerDependencies: Record<string, string>;
}

/** A package.json of the repository, by its folder relative to the root ("" for the root). */
export function manifest(folder = ""): Manifest {
    return JSON.parse(fs.readFileSync(path.join(repoRoot, folder, "package.json"), "utf8"));
}
