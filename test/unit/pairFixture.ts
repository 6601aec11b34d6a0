// A pair as the unit tests create it under Pulumi's standard mocks: what both halves were
// registered with, and the resource options of each half and of each read-back (recorded
// by a transformation, since the mocks see no options).
import type * as pulumi from "@pulumi/pulumi";
import { BINDING, CONNECTOR, ofType, valueOf } from "./mocks";

export const base = {
    connectorNamespace: "shop",
    siteNamespace: "west",
    port: 8080,
    selector: "app=backend",
};

/** A Skupper condition as Skupper writes it, for the mocked status. */
export function condition(type: string, status: "True" | "False", message = "OK", observedGeneration = 1) {
    return {
        type,
        status,
        reason: status === "True" ? "Ready" : "Error",
        message,
        lastTransitionTime: "2026-11-26T10:00:00Z",
        observedGeneration,
    };
}

/** Creates a pair and waits for its outputs. */
export async function createPair(
    args: Record<string, unknown>,
    opts: pulumi.ComponentResourceOptions = {},
    name = "backend",
) {
    const { AttachedConnectorPair } = await import("../../provider/index");
    const options: Record<string, pulumi.CustomResourceOptions> = {};
    const readOptions: Record<string, pulumi.CustomResourceOptions> = {};
    const record = (t: pulumi.ResourceTransformationArgs) => {
        (t.opts.id ? readOptions : options)[t.type] = t.opts as pulumi.CustomResourceOptions;
        return undefined;
    };
    const pair = new AttachedConnectorPair(name, { ...base, ...args } as never, { ...opts, transformations: [record] });
    await valueOf(pair.ready);
    const [connector] = ofType(CONNECTOR);
    const [binding] = ofType(BINDING);
    return { pair, connector, binding, options, readOptions };
}
