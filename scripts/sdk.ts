// `npm run sdk`: regenerates sdk/<language> from provider/schema.json with the pinned
// Pulumi code generators (localenv/toolchain/sdkgen). Checked by the end-to-end tier,
// which fails when the committed SDKs are out of date.
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { provideToolchain } from "../localenv/toolchain/toolchain";

export const sdkLanguages = ["nodejs", "python", "go"] as const;
export const repoRoot = path.resolve(__dirname, "..");

/** Writes the SDK of every language into outRoot/<language>. */
export function generateSdks(toolchain: string, outRoot: string): void {
    for (const language of sdkLanguages) {
        execFileSync(path.join(toolchain, "bin", "sdkgen"), [
            "-schema", path.join(repoRoot, "provider", "schema.json"),
            "-dependency", `kubernetes=${path.join(toolchain, "kubernetes-schema.json")}`,
            "-language", language,
            "-out", path.join(outRoot, language),
        ], { stdio: "inherit" });
    }
}

if (require.main === module) {
    const toolchain = provideToolchain((line) => console.error(line));
    generateSdks(toolchain.dir, path.join(repoRoot, "sdk"));
    console.error(`wrote ${sdkLanguages.map((l) => `sdk/${l}`).join(", ")}`);
}
