import * as pulumi from "@pulumi/pulumi";
import { skupperType } from "../constants";
import type { Endpoint } from "./links";
import { SkupperResource, SkupperResourceArgs, SkupperStatus } from "./skupperResource";

export interface SiteSpec {
    serviceAccount?: string;
    /** How other sites may link to this one, e.g. `default`; unset means no link access. */
    linkAccess?: string;
    defaultIssuer?: string;
    ha?: boolean;
    edge?: boolean;
    settings?: Record<string, string>;
}

export interface SiteStatus extends SkupperStatus {
    defaultIssuer?: string;
    controller?: { name?: string; namespace?: string; version?: string };
    endpoints?: Endpoint[];
    sitesInNetwork?: number;
    network?: {
        id?: string;
        name?: string;
        namespace?: string;
        platform?: string;
        version?: string;
        links?: { name?: string; remoteSiteId?: string; remoteSiteName?: string; operational?: boolean }[];
        services?: { routingKey?: string; connectors?: string[]; listeners?: string[] }[];
    }[];
}

export type SiteArgs = SkupperResourceArgs<SiteSpec>;

/** A Skupper Site: the namespace that runs a router and that attached connectors bind to. */
export class Site extends SkupperResource<SiteSpec, SiteStatus> {
    public static readonly __pulumiType = skupperType("Site");

    /** Reads an existing Site, by id `namespace/name`. */
    public static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): Site {
        return new Site(name, undefined, { ...opts, id });
    }

    constructor(name: string, args?: SiteArgs, opts?: pulumi.CustomResourceOptions) {
        super("Site", name, args, opts);
    }
}
