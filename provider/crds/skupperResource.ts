import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { SKUPPER_API_VERSION, SkupperKind, skupperType } from "../constants";

// Resources of the "kubernetes" package must name the provider version, as the
// generated SDK does, or the engine picks whichever kubernetes plugin is newest.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const kubernetesPluginVersion: string = require("@pulumi/kubernetes/package.json").version;

/** A spec field as an input: a map of strings takes inputs as its values too, as generated SDKs do. */
type InputField<T> = T extends Record<string, string> ? Record<string, pulumi.Input<string>> : T;

/** Inputs for a Skupper custom resource: Kubernetes metadata and the kind's spec. */
export interface SkupperResourceArgs<Spec> {
    metadata?: pulumi.Input<k8s.types.input.meta.v1.ObjectMeta>;
    spec?: pulumi.Input<{ [K in keyof Spec]: pulumi.Input<InputField<Spec[K]>> }>;
}

/** One entry of `status.conditions` (a metav1.Condition). */
export interface Condition {
    type: string;
    status: string;
    reason: string;
    message: string;
    lastTransitionTime: string;
    observedGeneration?: number;
}

/** The status fields every Skupper resource reports. */
export interface SkupperStatus {
    status?: string;
    message?: string;
    conditions?: Condition[];
}

/**
 * The common shape of the typed Skupper resources: what crd2pulumi generates for a
 * custom resource, with `status` registered as an output (which
 * `apiextensions.CustomResource` does not do).
 */
export abstract class SkupperResource<Spec, Status extends SkupperStatus> extends pulumi.CustomResource {
    declare public readonly apiVersion: pulumi.Output<string>;
    declare public readonly kind: pulumi.Output<string>;
    declare public readonly metadata: pulumi.Output<k8s.types.output.meta.v1.ObjectMeta>;
    declare public readonly spec: pulumi.Output<Spec>;
    declare public readonly status: pulumi.Output<Status | undefined>;

    protected constructor(
        kind: SkupperKind,
        name: string,
        args: SkupperResourceArgs<Spec> | undefined,
        opts: pulumi.CustomResourceOptions | undefined,
    ) {
        // A read (opts.id) sends the object's kind and name when it is given them (as the
        // components' read-back is), or nothing: the Kubernetes provider takes the name
        // from the id only when it gets no kind, and then first parses its whole embedded
        // schema, on every read (about 70 ms each, measured).
        const reading = opts?.id !== undefined;
        const named = !reading || args?.metadata !== undefined;
        const inputs: pulumi.Inputs = {
            apiVersion: named ? SKUPPER_API_VERSION : undefined,
            kind: named ? kind : undefined,
            metadata: args?.metadata,
            spec: reading ? undefined : args?.spec,
            status: undefined,
        };
        super(skupperType(kind), name, inputs, pulumi.mergeOptions({ version: kubernetesPluginVersion }, opts));
    }
}
