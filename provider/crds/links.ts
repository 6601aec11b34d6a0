// The kinds that link sites, typed as Skupper 2.2.1's CRDs declare them: an AccessGrant
// (in the accepting site's namespace, served by its controller's grant server), the
// AccessToken that redeems it (in the linking site's namespace) and the Link that the
// linking site's controller makes of a redeemed token, as typed resources. The local
// environment generates their CRDs from these shapes (test/localenv/cluster/crds.ts).
import * as pulumi from "@pulumi/pulumi";
import { skupperType } from "../constants";
import { SkupperResource, SkupperResourceArgs, SkupperStatus } from "./skupperResource";

/** Where a site accepts links: one role (`inter-router`, `edge`) at a host and port. */
export interface Endpoint {
    name?: string;
    host?: string;
    port?: string;
    group?: string;
}

export interface AccessGrantSpec {
    /** How many tokens may be redeemed; unset (or 0), Skupper's controller sets 1. */
    redemptionsAllowed?: number;
    /** A Go duration, e.g. `30m`; unset, Skupper 2.2.1's controller applies 10 minutes. */
    expirationWindow?: string;
    /** The code a token must present; unset, the controller makes one (status.code). */
    code?: string;
    /** The Secret that signs the redeeming site's certificate; unset, the Site's defaultIssuer. */
    issuer?: string;
    settings?: Record<string, string>;
}

export interface AccessGrantStatus extends SkupperStatus {
    /** `https://<grant server>/<grant uid>`: where a token is redeemed. */
    url?: string;
    code?: string;
    /** The grant server's CA certificate (PEM). */
    ca?: string;
    redemptions?: number;
    /** RFC 3339. */
    expirationTime?: string;
}

export interface AccessTokenSpec {
    url: string;
    code: string;
    ca: string;
    /** The cost of the Link the token is redeemed into. */
    linkCost?: number;
    settings?: Record<string, string>;
}

export interface AccessTokenStatus extends SkupperStatus {
    redeemed?: boolean;
}

export interface LinkSpec {
    endpoints: Endpoint[];
    /** The Secret with the certificates of the link. */
    tlsCredentials?: string;
    cost?: number;
    settings?: Record<string, string>;
}

export interface LinkStatus extends SkupperStatus {
    remoteSiteId?: string;
    remoteSiteName?: string;
}

/** Read a resource by id `namespace/name`; create one with args. */
type Ctor<T> = new (name: string, args?: SkupperResourceArgs<never>, opts?: pulumi.CustomResourceOptions) => T;
const reader =
    <T>(kind: Ctor<T>) =>
    (name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): T =>
        new kind(name, undefined, { ...opts, id });

/** An AccessGrant: the accepting site's controller serves it; a token presenting its code redeems it. */
export class AccessGrant extends SkupperResource<AccessGrantSpec, AccessGrantStatus> {
    public static readonly __pulumiType = skupperType("AccessGrant");
    /** Reads an existing AccessGrant, by id `namespace/name`. */
    public static readonly get = reader(AccessGrant);

    constructor(name: string, args?: SkupperResourceArgs<AccessGrantSpec>, opts?: pulumi.CustomResourceOptions) {
        super("AccessGrant", name, args, opts);
    }
}

/** An AccessToken: the linking site's controller redeems it against the grant's URL into a Link. */
export class AccessToken extends SkupperResource<AccessTokenSpec, AccessTokenStatus> {
    public static readonly __pulumiType = skupperType("AccessToken");
    /** Reads an existing AccessToken, by id `namespace/name`. */
    public static readonly get = reader(AccessToken);

    constructor(name: string, args?: SkupperResourceArgs<AccessTokenSpec>, opts?: pulumi.CustomResourceOptions) {
        super("AccessToken", name, args, opts);
    }
}

/** A Link from the linking site's router to another site's. */
export class Link extends SkupperResource<LinkSpec, LinkStatus> {
    public static readonly __pulumiType = skupperType("Link");
    /** Reads an existing Link, by id `namespace/name`. */
    public static readonly get = reader(Link);

    constructor(name: string, args?: SkupperResourceArgs<LinkSpec>, opts?: pulumi.CustomResourceOptions) {
        super("Link", name, args, opts);
    }
}
