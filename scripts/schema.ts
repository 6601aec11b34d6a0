// `npm run schema`: infers the plugin's schema from the TypeScript types of the
// components and their args, corrects it where inference falls short, and writes it to
// provider/schema.json, which the plugin serves. Checked by test/unit/schema.test.ts,
// which fails when the committed file is out of date.
import * as fs from "node:fs";
import * as path from "node:path";
import { ComponentProvider } from "@pulumi/pulumi/provider/experimental";
import { z } from "zod";
import {
    AttachedConnectorPair,
    components,
    ConsumerListener,
    SiteHalf,
    SkupperGrant,
    SkupperLink,
    SkupperSite,
    WorkloadHalf,
} from "../provider/components";
import { PAIR_TYPE } from "../provider/constants";
import { packageVersion, schemaPath } from "../provider/packageInfo";
import {
    listenerArgsSchema,
    pairArgsSchema,
    grantArgsSchema,
    linkArgsSchema,
    siteArgsSchema,
    siteHalfArgsSchema,
    workloadHalfArgsSchema,
} from "../provider/validation/args";

export { schemaPath };

/** Each component's arguments, with their rules. */
export const argumentSchemas: Record<string, z.ZodObject<Record<string, z.ZodType>>> = {
    [AttachedConnectorPair.__pulumiType]: pairArgsSchema,
    [WorkloadHalf.__pulumiType]: workloadHalfArgsSchema,
    [SiteHalf.__pulumiType]: siteHalfArgsSchema,
    [ConsumerListener.__pulumiType]: listenerArgsSchema,
    [SkupperSite.__pulumiType]: siteArgsSchema,
    [SkupperGrant.__pulumiType]: grantArgsSchema,
    [SkupperLink.__pulumiType]: linkArgsSchema,
};

/** Properties that TypeScript can only type as `number` but that are integers: every
 * number argument (the validation allows integers only), a condition's generation and a
 * site's count of sites. */
const integerProperties: Record<string, string[]> = {
    ...Object.fromEntries(
        Object.entries(argumentSchemas).map(([token, schema]) => [
            token,
            Object.entries(schema.shape)
                .filter(([, f]) => (f instanceof z.ZodOptional ? f.unwrap() : f) instanceof z.ZodNumber)
                .map(([name]) => name),
        ]),
    ),
    "skupper:index:Condition": ["observedGeneration"],
};
// Outputs that are integers as well.
integerProperties[SkupperSite.__pulumiType].push("sitesInNetwork");
integerProperties[SkupperGrant.__pulumiType].push("redemptions");

/** The grant's code and CA: secrets in every SDK, as inputs and as outputs. */
const secretProperties: Record<string, string[]> = {
    [SkupperGrant.__pulumiType]: ["code", "ca"],
    [SkupperLink.__pulumiType]: ["code", "ca"],
};

/** How the generated SDKs are named, where the defaults would claim Pulumi's own names. */
const languageSettings = {
    nodejs: { packageName: "@skupper-pulumi/skupper" },
    go: { importBasePath: "github.com/skupper-pulumi/attached-connector/sdk/go/skupper" },
};

type Schema = {
    meta?: Record<string, unknown>;
    language?: Record<string, Record<string, unknown>>;
    resources: Record<string, { inputProperties: Record<string, any>; properties: Record<string, any> }>;
    types?: Record<string, { properties: Record<string, any> }>;
};

/**
 * The corrections the inferred schema needs:
 * - integers: TypeScript has one number type, the schema has `integer`;
 * - secrets: inference cannot see them, the schema marks them `secret`;
 * - a `k8s.Provider` argument is inferred as a reference to `#/resources/kubernetes`,
 *   but the Kubernetes package's provider type is `#/resources/pulumi:providers:kubernetes`;
 * - the SDKs' package names, and their layout as self-contained packages (supportPack:
 *   the Go SDK gets its own go.mod).
 */
export function correctSchema(schema: Schema): Schema {
    schema.meta = { ...schema.meta, supportPack: true };
    for (const [language, settings] of Object.entries(languageSettings)) {
        schema.language = { ...schema.language, [language]: { ...schema.language?.[language], ...settings } };
    }
    for (const [token, names] of Object.entries(integerProperties)) {
        const owner = schema.resources[token] ?? schema.types?.[token];
        for (const name of names) {
            for (const props of [(owner as any)?.inputProperties, (owner as any)?.properties]) {
                if (props?.[name]?.type === "number") props[name].type = "integer";
            }
        }
    }
    for (const [token, names] of Object.entries(secretProperties)) {
        const { inputProperties, properties } = schema.resources[token];
        for (const name of names) {
            for (const props of [inputProperties, properties]) if (props?.[name]) props[name].secret = true;
        }
    }
    for (const resource of Object.values(schema.resources)) {
        for (const property of Object.values(resource.inputProperties ?? {})) {
            if (typeof property.$ref === "string") {
                property.$ref = property.$ref.replace(
                    /#\/resources\/kubernetes$/,
                    "#/resources/pulumi:providers:kubernetes",
                );
            }
        }
    }
    return schema;
}

/** The schema as inferred from provider/'s sources and corrected, at the package's version. */
export async function currentSchema(): Promise<string> {
    const inferring = new ComponentProvider({
        components,
        name: PAIR_TYPE.split(":")[0],
        version: packageVersion,
        // The plugin's folder: its index.ts leads the inference to the components.
        dirname: path.join(path.dirname(schemaPath), "plugin"),
    });
    return JSON.stringify(correctSchema(JSON.parse(await inferring.getSchema())), null, 2) + "\n";
}

if (require.main === module) {
    currentSchema().then(
        (schema) => {
            fs.writeFileSync(schemaPath, schema);
            console.error(`wrote ${path.relative(process.cwd(), schemaPath)}`);
        },
        (err) => {
            console.error(err);
            process.exitCode = 1;
        },
    );
}
