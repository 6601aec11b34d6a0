import * as pulumi from "@pulumi/pulumi";
import { skupperType } from "../constants";
import { SkupperResource, SkupperResourceArgs, SkupperStatus } from "./skupperResource";

export interface AttachedConnectorBindingSpec {
    /** The namespace of the AttachedConnector of the same name. */
    connectorNamespace: string;
    /** The address the workload is published under in the Skupper network. */
    routingKey: string;
    exposePodsByName?: boolean;
    /** Accepted by the CRD but not read by the Skupper controller. */
    settings?: Record<string, string>;
}

export interface AttachedConnectorBindingStatus extends SkupperStatus {
    /** True when a listener with this routing key exists in the network; absent means false. */
    hasMatchingListener?: boolean;
}

export type AttachedConnectorBindingArgs = SkupperResourceArgs<AttachedConnectorBindingSpec>;

/** An AttachedConnectorBinding: the site namespace's half of an attached connector. */
export class AttachedConnectorBinding extends SkupperResource<
    AttachedConnectorBindingSpec,
    AttachedConnectorBindingStatus
> {
    public static readonly __pulumiType = skupperType("AttachedConnectorBinding");

    /** Reads an existing AttachedConnectorBinding, by id `namespace/name`. */
    public static get(
        name: string,
        id: pulumi.Input<pulumi.ID>,
        opts?: pulumi.CustomResourceOptions,
    ): AttachedConnectorBinding {
        return new AttachedConnectorBinding(name, undefined, { ...opts, id });
    }

    constructor(name: string, args?: AttachedConnectorBindingArgs, opts?: pulumi.CustomResourceOptions) {
        super("AttachedConnectorBinding", name, args, opts);
    }
}
