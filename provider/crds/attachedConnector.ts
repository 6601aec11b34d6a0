import * as pulumi from "@pulumi/pulumi";
import { skupperType } from "../constants";
import { SkupperResource, SkupperResourceArgs, SkupperStatus } from "./skupperResource";

export interface AttachedConnectorSpec {
    /** The namespace of the site this connector attaches to. */
    siteNamespace: string;
    /** The port on the workload's pods to forward traffic to. */
    port: number;
    /** A label selector for the workload's pods, e.g. `app=backend`. */
    selector: string;
    /** A Secret in the site namespace with the TLS bundle for router-to-workload traffic. */
    tlsCredentials?: string;
    useClientCert?: boolean;
    /** Only `tcp` (or empty) is implemented by Skupper. */
    type?: string;
    includeNotReadyPods?: boolean;
    /** Accepted by the CRD but not read by the Skupper controller. */
    settings?: Record<string, string>;
}

/** What Skupper writes on an AttachedConnector: its CRD also declares `selectedPods`, which Skupper 2.2.1 writes on Connectors only. */
export type AttachedConnectorStatus = SkupperStatus;

export type AttachedConnectorArgs = SkupperResourceArgs<AttachedConnectorSpec>;

/** An AttachedConnector: exposes pods of its namespace to a site in another namespace. */
export class AttachedConnector extends SkupperResource<AttachedConnectorSpec, AttachedConnectorStatus> {
    public static readonly __pulumiType = skupperType("AttachedConnector");

    /** Reads an existing AttachedConnector, by id `namespace/name`. */
    public static get(
        name: string,
        id: pulumi.Input<pulumi.ID>,
        opts?: pulumi.CustomResourceOptions,
    ): AttachedConnector {
        return new AttachedConnector(name, undefined, { ...opts, id });
    }

    constructor(name: string, args?: AttachedConnectorArgs, opts?: pulumi.CustomResourceOptions) {
        super("AttachedConnector", name, args, opts);
    }
}
