// The one mock set-up of the unit tier: a Pulumi engine stand-in that records every
// registered resource and answers custom resources with their inputs plus a status
// chosen by the test.
import * as pulumi from "@pulumi/pulumi";

export interface Registered {
    type: string;
    name: string;
    inputs: Record<string, any>;
    provider: string;
    custom: boolean;
}

export const registered: Registered[] = [];

/** The `status` the mocked cluster reports, by resource type token. */
export const mockedStatus: Record<string, unknown> = {};

let ready: Promise<void> | undefined;

export function setUpMocks(): Promise<void> {
    ready ??= pulumi.runtime.setMocks({
        newResource: (args) => {
            registered.push({ type: args.type, name: args.name, inputs: args.inputs, provider: args.provider ?? "", custom: args.custom ?? true });
            const generation = 1;
            const state = args.custom
                ? { ...args.inputs, metadata: { ...args.inputs.metadata, generation }, status: mockedStatus[args.type] }
                : args.inputs;
            return { id: args.custom ? `${args.inputs.metadata?.namespace}/${args.inputs.metadata?.name}` : undefined, state };
        },
        call: (args) => args.inputs,
    }, "unit", "test", false);
    return ready;
}

export function resetMocks(): void {
    registered.length = 0;
    for (const key of Object.keys(mockedStatus)) delete mockedStatus[key];
}

/** The resolved value of an output. */
export function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
    return new Promise((resolve) => output.apply(resolve));
}

/** The value of an output, or its error: for outputs that are expected to fail. */
export function settle<T>(output: pulumi.Output<T>): Promise<T> {
    return (output as unknown as { promise(): Promise<T> }).promise();
}

export function ofType(type: string): Registered[] {
    return registered.filter((r) => r.type === type);
}

export const CONNECTOR = "kubernetes:skupper.io/v2alpha1:AttachedConnector";
export const BINDING = "kubernetes:skupper.io/v2alpha1:AttachedConnectorBinding";
