// The component served as a Pulumi plugin, so that programs in other languages can use
// it: the committed, corrected schema (provider/schema.json, written by `npm run schema`)
// and the construction of AttachedConnectorPair. Needs neither the TypeScript sources
// nor a TypeScript compiler, so it runs from an installed package as from a clone.
import * as fs from "node:fs";
import * as pulumi from "@pulumi/pulumi";
import { ConstructResult, Provider } from "@pulumi/pulumi/provider";
import { AttachedConnectorPair, AttachedConnectorPairArgs } from "./components/attachedConnectorPair";
import { PAIR_TYPE } from "./constants";
import { packageVersion, schemaPath } from "./packageInfo";

export class SkupperComponentProvider implements Provider {
    readonly version = packageVersion;
    readonly schema = fs.readFileSync(schemaPath, "utf8");
    /** The outputs the schema declares, which construct returns. */
    private readonly outputs = Object.keys(JSON.parse(this.schema).resources[PAIR_TYPE].properties);

    async getSchema(): Promise<string> {
        return this.schema;
    }

    async construct(
        name: string,
        type: string,
        inputs: pulumi.Inputs,
        options: pulumi.ComponentResourceOptions,
    ): Promise<ConstructResult> {
        if (type !== PAIR_TYPE)
            throw new Error(`type: '${type}' is not a component of this plugin; expected ${PAIR_TYPE}`);
        const pair = new AttachedConnectorPair(name, inputs as AttachedConnectorPairArgs, options);
        const outputs = pair as unknown as Record<string, pulumi.Input<unknown>>;
        return { urn: pair.urn, state: Object.fromEntries(this.outputs.map((output) => [output, outputs[output]])) };
    }
}
