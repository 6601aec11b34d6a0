// `npm run docs`: writes the generated parts of README.md, docs/reference.md and
// policy/README.md (between `<!-- generated: NAME -->` and `<!-- end: NAME -->`) from the
// schema, the pack and the enforcement table. test/repo/docs.test.ts fails while any of
// them is out of date.
import * as fs from "node:fs";
import * as path from "node:path";
import { policies } from "../../policy/policies";
import { components } from "../../provider/components";
import { enforcement } from "./enforcement";
import { enforcementTable, inputsTable, outputsTable, policiesTable, policyConfigTable, Schema } from "./tables";

export const repoRoot = path.resolve(__dirname, "../..");

/** Each generated part, by name. */
export function generatedParts(): Record<string, string> {
    const schema: Schema = JSON.parse(fs.readFileSync(path.join(repoRoot, "provider", "schema.json"), "utf8"));
    const parts: Record<string, string> = {
        policies: policiesTable(policies),
        "policy config": policyConfigTable(policies),
        enforcement: enforcementTable(enforcement, policies),
    };
    for (const component of components) {
        const name = component.__pulumiType.split(":").pop()!;
        parts[`${name} inputs`] = inputsTable(schema, component.__pulumiType);
        parts[`${name} outputs`] = outputsTable(schema, component.__pulumiType);
    }
    return parts;
}

export const documents = ["README.md", "docs/reference.md", "policy/README.md"];

/** The document with every generated part it marks rewritten. */
export function regenerate(text: string, parts: Record<string, string>): string {
    return text.replace(
        /(<!-- generated: ([^>]+?) -->)[\s\S]*?(<!-- end: \2 -->)/g,
        (_whole, start: string, name: string, end: string) => {
            if (!(name in parts)) throw new Error(`no generated part named '${name}'`);
            return `${start}\n${parts[name]}\n${end}`;
        },
    );
}

if (require.main === module) {
    const parts = generatedParts();
    for (const document of documents) {
        const file = path.join(repoRoot, document);
        fs.writeFileSync(file, regenerate(fs.readFileSync(file, "utf8"), parts));
        console.error(`wrote ${document}`);
    }
}
