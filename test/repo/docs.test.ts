// The generated parts of the docs match what they are generated from (npm run docs), and
// the table of who enforces which rule names only what exists.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { policies } from "../../policy/policies";
import { enforcement } from "../../scripts/docs/enforcement";
import { documents, generatedParts, regenerate, repoRoot } from "../../scripts/docs/main";
import { argumentSchemas } from "../../scripts/schema";

describe("the docs", () => {
    for (const document of documents) {
        it(`${document}: the generated tables are up to date (run \`npm run docs\`)`, () => {
            const text = fs.readFileSync(path.join(repoRoot, document), "utf8");
            assert.equal(text, regenerate(text, generatedParts()));
        });
    }

    it("mark every generated part somewhere", () => {
        const all = documents.map((d) => fs.readFileSync(path.join(repoRoot, d), "utf8")).join("\n");
        for (const name of Object.keys(generatedParts()))
            assert.match(all, new RegExp(`<!-- generated: ${name} -->`), name);
    });

    it("say which side enforces each rule: the policies named exist, and so do the arguments refused", () => {
        const names = policies.map((p) => p.name);
        const argumentNames = new Set(Object.values(argumentSchemas).flatMap((s) => Object.keys(s.shape)));
        for (const rule of enforcement) {
            if (rule.policy) assert.ok(names.includes(rule.policy), `${rule.rule}: no policy ${rule.policy}`);
            for (const field of rule.fields ?? [])
                assert.ok(argumentNames.has(field), `${rule.rule}: no argument ${field}`);
            assert.ok(rule.policy || rule.components, `${rule.rule}: enforced by nobody`);
        }
        const inTable = new Set(enforcement.map((r) => r.policy));
        const unlisted = names.filter((n) => !inTable.has(n) && n !== "skupper-unconfigured-policies");
        assert.deepEqual(unlisted, [], "every policy that checks a rule is in the table");
    });
});
