// The status Skupper reports on an object, as a component's outputs: the object is read
// back (a read resource, which the engine reads afresh on every update and preview,
// after the object's own create or update and its wait), so the outputs are live after
// every `up`, even one that changes nothing.
import * as pulumi from "@pulumi/pulumi";
import { Condition, SkupperStatus } from "../crds";
import { factsFromDefaultCluster } from "../diagnosis/defaultCluster";
import { HalfObject } from "../diagnosis/facts";
import { seenMatters, waitingFor } from "../diagnosis/waitingFor";
import { HalfKind } from "../halves";
import { conditionHolds, conditionsOf, statusMessage, statusText } from "../status";

/** A typed resource class: read with `opts.id`, and the object's name and namespace in `metadata`. */
type Readable<T> = new (
    name: string,
    args: { metadata: { name: pulumi.Input<string>; namespace: pulumi.Input<string> } },
    opts: pulumi.CustomResourceOptions,
) => T;

interface Created {
    id: pulumi.Output<pulumi.ID>;
    metadata: pulumi.Output<{ name?: string; namespace?: string }>;
}

interface Live {
    metadata: pulumi.Output<{ generation?: number }>;
    status: pulumi.Output<SkupperStatus | undefined>;
}

/** The object `created` as it is now, read after `after` (its own wait, or its partner's). */
export function readBack<T extends pulumi.CustomResource>(
    kind: Readable<T>,
    name: string,
    created: Created,
    after: pulumi.CustomResource,
    opts: pulumi.CustomResourceOptions,
): T {
    const metadata = {
        name: created.metadata.apply((m) => m.name!),
        namespace: created.metadata.apply((m) => m.namespace!),
    };
    return new kind(name, { metadata }, { ...opts, id: created.id, dependsOn: [after] });
}

export interface StatusOutputs {
    status: pulumi.Output<string>;
    message: pulumi.Output<string>;
    conditions: pulumi.Output<Condition[]>;
    /** The condition holds for the object's current generation. */
    ready: pulumi.Output<boolean>;
}

export function statusOutputs(live: Live, readyCondition: string): StatusOutputs {
    return {
        status: live.status.apply(statusText),
        message: live.status.apply(statusMessage),
        conditions: live.status.apply(conditionsOf),
        ready: live.metadata.apply((m) => live.status.apply((s) => conditionHolds(s, readyCondition, m?.generation))),
    };
}

/**
 * What a half waits for (diagnosis/waitingFor.ts), from its live status and, where this
 * process can read the cluster (`readable`), from its partner and the workload's pods.
 */
export function waitingForOutput(
    kind: HalfKind,
    live: { [F in "metadata" | "spec" | "status"]: pulumi.Output<HalfObject[F]> },
    readable: boolean,
): pulumi.Output<string> {
    return pulumi.all([live.metadata, live.spec, live.status]).apply(async ([metadata, spec, status]) => {
        const object: HalfObject = { metadata, spec, status };
        const { namespace, name } = object.metadata ?? {};
        const seen =
            readable && namespace && name && seenMatters(kind, object)
                ? await factsFromDefaultCluster(kind, namespace, name, "")
                : undefined;
        return waitingFor(kind, object, seen);
    });
}
