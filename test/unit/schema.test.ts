import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { z } from "zod";
import { argumentSchemas, currentSchema, schemaPath } from "../../scripts/schema";
import { resetMocks, setUpMocks, valueOf } from "./mocks";
import { manifest } from "../manifests";

const rootPackage = manifest();
const pluginPackage = manifest("provider/plugin");

const PAIR = "skupper:index:AttachedConnectorPair";
const PROVIDER_REF = `/kubernetes/v${rootPackage.devDependencies["@pulumi/kubernetes"]}/schema.json#/resources/pulumi:providers:kubernetes`;

/** The schema type a zod field of the args must have. */
function schemaTypeOf(field: z.ZodType): unknown {
    const inner = field instanceof z.ZodOptional ? field.unwrap() : field;
    if (inner instanceof z.ZodString) return "string";
    if (inner instanceof z.ZodBoolean) return "boolean";
    if (inner instanceof z.ZodNumber) return "integer";
    if (inner instanceof z.ZodRecord) return "object of string";
    if (inner instanceof z.ZodObject) return "a named type";
    return `unexpected ${inner.constructor.name}`;
}

function typeInSchema(property: { type?: string; additionalProperties?: { type: string }; $ref?: string }): unknown {
    if (property.$ref?.startsWith("#/types/")) return "a named type";
    return property.type === "object" ? `object of ${property.additionalProperties?.type}` : property.type;
}

describe("the plugin's schema", function () {
    this.timeout(60000);
    let schema: any;

    before(async () => {
        schema = JSON.parse(await currentSchema());
    });

    it("is the committed provider/schema.json (run `npm run schema` after changing the args)", async () => {
        assert.equal(fs.readFileSync(schemaPath, "utf8"), await currentSchema());
    });

    for (const [token, args] of Object.entries(argumentSchemas)) {
        it(`has every argument of ${token}, with the type and optionality the validation gives it`, () => {
            const inputs = schema.resources[token].inputProperties;
            const shape = args.shape as Record<string, z.ZodType>;
            const providers = Object.keys(inputs).filter((k) => inputs[k].$ref === PROVIDER_REF);
            assert.deepEqual(Object.keys(inputs).sort(), [...Object.keys(shape), ...providers].sort());
            for (const [name, field] of Object.entries(shape)) {
                assert.equal(typeInSchema(inputs[name]), schemaTypeOf(field), name);
                assert.equal(inputs[name].optional === true, field instanceof z.ZodOptional, `${name} optional`);
            }
            const required = Object.entries(shape).filter(([, f]) => !(f instanceof z.ZodOptional));
            assert.deepEqual(
                [...(schema.resources[token].requiredInputs ?? [])].sort(),
                required.map(([name]) => name).sort(),
            );
        });
    }

    it("references the Kubernetes package's Provider for each provider argument", () => {
        const inputs = schema.resources[PAIR].inputProperties;
        assert.equal(inputs.connectorProvider.$ref, PROVIDER_REF);
        assert.equal(inputs.bindingProvider.$ref, PROVIDER_REF);
        assert.equal(
            schema.resources["skupper:index:ConsumerListener"].inputProperties.bindingProvider.$ref,
            PROVIDER_REF,
        );
        assert.deepEqual(schema.dependencies, [
            { name: "kubernetes", version: rootPackage.devDependencies["@pulumi/kubernetes"] },
        ]);
    });

    it("has every output of the pair, with the Condition type", async () => {
        await setUpMocks();
        resetMocks();
        const { AttachedConnectorPair } = await import("../../provider/index");
        const pair = new AttachedConnectorPair("schema", {
            connectorNamespace: "a",
            siteNamespace: "b",
            port: 1,
            selector: "x=y",
        });
        await valueOf(pair.ready);
        const outputs = Object.keys(pair).filter((k) => !k.startsWith("_") && k !== "urn");
        assert.deepEqual(Object.keys(schema.resources[PAIR].properties).sort(), outputs.sort());
        assert.equal(
            schema.resources[PAIR].properties.connectorConditions.items.$ref,
            "#/types/skupper:index:Condition",
        );
        assert.equal(schema.types["skupper:index:Condition"].properties.observedGeneration.type, "integer");
    });

    it("is what the plugin serves, at the package's version", async () => {
        const { SkupperComponentProvider } = await import("../../provider/plugin/skupperComponentProvider");
        const served = new SkupperComponentProvider();
        assert.equal(await served.getSchema(), fs.readFileSync(schemaPath, "utf8"));
        assert.equal(served.version, rootPackage.version);
    });

    it("is served by the source-based plugin from the compiled entry point the launcher runs", () => {
        const launcher = fs.readFileSync(
            path.join(path.dirname(schemaPath), "plugin", "pulumi-resource-skupper"),
            "utf8",
        );
        assert.equal(pluginPackage.main, "../../bin/provider/plugin/index.js");
        assert.match(launcher, /exec node "\$root\/bin\/provider\/plugin\/index\.js"/);
    });
});
