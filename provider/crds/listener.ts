import * as pulumi from "@pulumi/pulumi";
import { skupperType } from "../constants";
import { SkupperResource, SkupperResourceArgs, SkupperStatus } from "./skupperResource";

export interface ListenerSpec {
    routingKey: string;
    host: string;
    port: number;
    observer?: string;
    tlsCredentials?: string;
    type?: string;
    exposePodsByName?: boolean;
    settings?: Record<string, string>;
}

export interface ListenerStatus extends SkupperStatus {
    hasMatchingConnector?: boolean;
}

export type ListenerArgs = SkupperResourceArgs<ListenerSpec>;

/** A Skupper Listener: a local service that forwards to connectors with its routing key. */
export class Listener extends SkupperResource<ListenerSpec, ListenerStatus> {
    public static readonly __pulumiType = skupperType("Listener");

    /** Reads an existing Listener, by id `namespace/name`. */
    public static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): Listener {
        return new Listener(name, undefined, { ...opts, id });
    }

    constructor(name: string, args?: ListenerArgs, opts?: pulumi.CustomResourceOptions) {
        super("Listener", name, args, opts);
    }
}
