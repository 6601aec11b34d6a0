// The kinds that link sites, typed as Skupper 2.2.1's CRDs declare them: an AccessGrant
// (in the accepting site's namespace, served by its controller's grant server), the
// AccessToken that redeems it (in the linking site's namespace) and the Link that the
// linking site's controller makes of a redeemed token. Only their spec and status
// shapes: the local environment generates their CRDs from them (test/localenv/cluster/crds.ts).
import { SkupperStatus } from "./skupperResource";

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
