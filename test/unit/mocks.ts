// The one mock set-up of the unit tier: a Pulumi engine stand-in, for an update or a
// preview, that records every registered resource and answers custom resources with
// their inputs plus a status chosen by the test.
import * as pulumi from "@pulumi/pulumi";

export interface Registered {
    type: string;
    name: string;
    inputs: Record<string, any>;
    provider: string;
    custom: boolean;
    /** A read of an existing object (registered with an id). */
    read: boolean;
}

export const registered: Registered[] = [];

/** The `status` the mocked cluster reports, by resource type token. */
export const mockedStatus: Record<string, unknown> = {};
/** The `metadata.generation` the mocked cluster reports, by resource type token (default 1). */
export const mockedGeneration: Record<string, number> = {};

/** What the mocked cluster holds, by `<type> <id>`: created objects, as a read finds them. */
const objects = new Map<string, Record<string, any>>();

const mocks: pulumi.runtime.Mocks = {
    newResource: (args) => {
        registered.push({
            type: args.type,
            name: args.name,
            inputs: args.inputs,
            provider: args.provider ?? "",
            custom: args.custom ?? true,
            read: Boolean(args.id),
        });
        if (!args.custom) return { id: undefined, state: args.inputs };
        // A registration has no id (an empty import id); a read names the object it reads.
        const id = args.id || `${args.inputs.metadata?.namespace}/${args.inputs.metadata?.name}`;
        // A patch (the Kubernetes provider's <Kind>Patch) stands for the object it patches.
        const object = args.id
            ? (objects.get(`${args.type} ${id}`) ?? objects.get(`${args.type}Patch ${id}`))
            : args.inputs;
        // As the Kubernetes provider answers a read of an object that is not there.
        if (!object) throw new Error(`resource '${id}' does not exist`);
        if (!args.id) objects.set(`${args.type} ${id}`, object);
        const generation = mockedGeneration[args.type] ?? 1;
        return {
            id,
            state: { ...object, metadata: { ...object.metadata, generation }, status: mockedStatus[args.type] },
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
}

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
    objects.clear();
    for (const key of Object.keys(mockedStatus)) delete mockedStatus[key];
    for (const key of Object.keys(mockedGeneration)) delete mockedGeneration[key];
}

/** The resolved value of an output. */
export function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
    return new Promise((resolve) => output.apply(resolve));
}

/** The value of an output, or its error: for outputs that are expected to fail. */
export function settle<T>(output: pulumi.Output<T>): Promise<T> {
    return (output as unknown as { promise(): Promise<T> }).promise();
}

/** The objects of a type the program declared (not those it read). */
export function ofType(type: string): Registered[] {
    return registered.filter((r) => r.type === type && !r.read);
}

/** The reads of existing objects of a type. */
export function readsOf(type: string): Registered[] {
    return registered.filter((r) => r.type === type && r.read);
}

export const CONNECTOR = "kubernetes:skupper.io/v2alpha1:AttachedConnector";
export const BINDING = "kubernetes:skupper.io/v2alpha1:AttachedConnectorBinding";
