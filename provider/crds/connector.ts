import * as pulumi from "@pulumi/pulumi";
import { skupperType } from "../constants";
import { SkupperResource, SkupperResourceArgs, SkupperStatus } from "./skupperResource";

export interface ConnectorSpec {
    routingKey: string;
    port: number;
    selector?: string;
    host?: string;
    tlsCredentials?: string;
    useClientCert?: boolean;
    verifyHostname?: boolean;
    type?: string;
    includeNotReadyPods?: boolean;
    exposePodsByName?: boolean;
    settings?: Record<string, string>;
}

export interface ConnectorStatus extends SkupperStatus {
    hasMatchingListener?: boolean;
    selectedPods?: { name?: string; ip?: string }[];
}

export type ConnectorArgs = SkupperResourceArgs<ConnectorSpec>;

/** A Skupper Connector: publishes pods or a host of a site's own namespace under a routing key. */
export class Connector extends SkupperResource<ConnectorSpec, ConnectorStatus> {
    public static readonly __pulumiType = skupperType("Connector");

    /** Reads an existing Connector, by id `namespace/name`. */
    public static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): Connector {
        return new Connector(name, undefined, { ...opts, id });
    }

    constructor(name: string, args?: ConnectorArgs, opts?: pulumi.CustomResourceOptions) {
        super("Connector", name, args, opts);
    }
}
