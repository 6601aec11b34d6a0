// The components served as a Pulumi plugin, so that programs in other languages can use
// them: the committed, corrected schema (provider/schema.json, written by `npm run
// schema`) and the construction of each component. Needs neither the TypeScript sources
// nor a TypeScript compiler, so it runs from an installed package as from a clone.
import * as fs from "node:fs";
import * as pulumi from "@pulumi/pulumi";
import { ConstructResult, Provider } from "@pulumi/pulumi/provider";
import { components } from "../components";
import { packageVersion, schemaPath } from "../packageInfo";

type Component = (typeof components)[number];

export class SkupperComponentProvider implements Provider {
    readonly version = packageVersion;
    readonly schema = fs.readFileSync(schemaPath, "utf8");
    /** Each component by its type token, with the outputs the schema declares for it, which construct returns. */
    private readonly served = new Map(
        components.map((c): [string, { component: Component; outputs: string[] }] => [
            c.__pulumiType,
            { component: c, outputs: Object.keys(JSON.parse(this.schema).resources[c.__pulumiType].properties) },
        ]),
    );

    async getSchema(): Promise<string> {
        return this.schema;
    }

    async construct(
        name: string,
        type: string,
        inputs: pulumi.Inputs,
        options: pulumi.ComponentResourceOptions,
    ): Promise<ConstructResult> {
        const served = this.served.get(type);
        if (!served) {
            const known = [...this.served.keys()].join(", ");
            throw new Error(`type: '${type}' is not a component of this plugin; expected one of ${known}`);
        }
        const instance = new served.component(name, inputs as never, options);
        const outputs = instance as unknown as Record<string, pulumi.Input<unknown>>;
        return {
            urn: instance.urn,
            state: Object.fromEntries(served.outputs.map((output) => [output, outputs[output]])),
        };
    }
}
