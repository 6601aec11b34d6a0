// `npm run schema`: writes provider/schema.json, the schema the plugin serves. Checked
// by test/unit/schema.test.ts, which fails when the committed file is out of date.
import * as fs from "node:fs";
import * as path from "node:path";
import { SkupperComponentProvider } from "../provider/componentProvider";

export const schemaPath = path.resolve(__dirname, "../provider/schema.json");

export async function currentSchema(): Promise<string> {
    return JSON.stringify(JSON.parse(await new SkupperComponentProvider().getSchema()), null, 2) + "\n";
}

if (require.main === module) {
    currentSchema().then((schema) => {
        fs.writeFileSync(schemaPath, schema);
        console.error(`wrote ${path.relative(process.cwd(), schemaPath)}`);
    }, (err) => {
        console.error(err);
        process.exitCode = 1;
    });
}
