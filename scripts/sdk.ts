// `npm run sdk`: regenerates sdk/<language> from provider/schema.json with the pinned
// Pulumi code generators (scripts/sdkgen, built by the toolchain), and completes the Go module the
// generator leaves without its dependencies. Checked by the end-to-end tier, which
// fails when the committed SDKs are out of date.
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { provideToolchain } from "../test/localenv/toolchain/toolchain";
import * as fs from "node:fs";

export const sdkLanguages = ["nodejs", "python", "go"] as const;
export const repoRoot = path.resolve(__dirname, "..");
const rootPackage = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8"));

/** Writes the SDK of every language into outRoot/<language>. */
export function generateSdks(toolchain: string, outRoot: string): void {
    for (const language of sdkLanguages) {
        execFileSync(
            path.join(toolchain, "bin", "sdkgen"),
            [
                "-schema",
                path.join(repoRoot, "provider", "schema.json"),
                "-dependency",
                `kubernetes=${path.join(toolchain, "kubernetes-schema.json")}`,
                "-language",
                language,
                "-out",
                path.join(outRoot, language),
            ],
            { stdio: "inherit" },
        );
    }
    completeGoModule(path.join(outRoot, "go"));
}

/** The Go generator's go.mod requires only the Pulumi SDK, at a version of its own:
 * require the Pulumi and Kubernetes SDKs the package is tested with, and write go.sum,
 * so that the module builds as committed. */
function completeGoModule(dir: string): void {
    const go = (...args: string[]) => execFileSync("go", args, { cwd: dir, stdio: "inherit" });
    go(
        "mod",
        "edit",
        `-require=github.com/pulumi/pulumi/sdk/v3@v${rootPackage.devDependencies["@pulumi/pulumi"]}`,
        `-require=github.com/pulumi/pulumi-kubernetes/sdk/v4@v${rootPackage.devDependencies["@pulumi/kubernetes"]}`,
    );
    go("mod", "tidy");
}

if (require.main === module) {
    provideToolchain().then(
        (toolchain) => {
            generateSdks(toolchain.dir, path.join(repoRoot, "sdk"));
            console.error(`wrote ${sdkLanguages.map((l) => `sdk/${l}`).join(", ")}`);
        },
        (e: Error) => {
            console.error(e.message);
            process.exitCode = 1;
        },
    );
}
