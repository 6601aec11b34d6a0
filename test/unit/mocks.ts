// The one mock set-up of the unit tier: a Pulumi engine stand-in, for an update or a
// preview, that records every registered resource and answers custom resources with
// their inputs plus a status chosen by the test.
import * as pulumi from "@pulumi/pulumi";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const settings: { getMonitor(): unknown } = require("@pulumi/pulumi/runtime/settings");

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

const mocks: pulumi.runtime.Mocks = {
    newResource: (args) => {
        registered.push({
            type: args.type,
            name: args.name,
            inputs: args.inputs,
            provider: args.provider ?? "",
            custom: args.custom ?? true,
        });
        const generation = 1;
        const state = args.custom
            ? { ...args.inputs, metadata: { ...args.inputs.metadata, generation }, status: mockedStatus[args.type] }
            : args.inputs;
        return {
            id: args.custom ? `${args.inputs.metadata?.namespace}/${args.inputs.metadata?.name}` : undefined,
            state,
        };
    },
    call: (args) => args.inputs,
};

let mode: boolean | undefined;

/** Sets up the mocks for an update, or for a preview (dry run) with `preview: true`. */
export async function setUpMocks(options: { preview?: boolean } = {}): Promise<void> {
    const preview = options.preview ?? false;
    if (mode === preview) return;
    mode = preview;
    await pulumi.runtime.setMocks(mocks, "unit", "test", preview);
    // Pulumi's mock monitor lacks error-hook registration (the component registers one per half).
    const monitor = settings.getMonitor() as Record<string, unknown>;
    monitor.registerErrorHook = (request: { getName(): string }, done: (err: null, response: object) => void) => {
        errorHooks.push(request.getName());
        done(null, {});
    };
}

/** The names of the error hooks registered so far. */
export const errorHooks: string[] = [];

/**
 * An output that is unknown in a preview, like an output of a resource that is not
 * created yet: the mocked engine does not return the source's `value`.
 */
export function unknownInPreview<T>(name: string): pulumi.Output<T> {
    return new Source(name).value as pulumi.Output<T>;
}

class Source extends pulumi.CustomResource {
    declare public readonly value: pulumi.Output<unknown>;

    constructor(name: string) {
        super("test:index:Source", name, { value: undefined });
    }
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
