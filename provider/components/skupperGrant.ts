// SkupperGrant: the accepting side of a link between sites. An AccessGrant in a site's
// namespace, awaited until Skupper's controller serves it, with what the linking site
// needs to redeem it: the URL of the grant server, and the one-time code and CA, which
// are Pulumi secrets in the state and the outputs.
import * as pulumi from "@pulumi/pulumi";
import { AccessGrant, AccessGrantStatus, Condition } from "../crds";
import { DEFAULT_TIMEOUT_SECONDS, WAIT_READY } from "../halves";
import { providerAnnotations, Wait } from "../providerAnnotations";
import { grantArgsSchema, ResolvedGrantArgs } from "../validation/args";
import { Arguments } from "./arguments";
import { readBack, statusOutputs } from "./liveStatus";

/** One token links one site: a grant per linking site. */
export const DEFAULT_REDEMPTIONS_ALLOWED = 1;
/** Time for the linking side's `up` to redeem it, while a leaked code soon stops working. */
export const DEFAULT_EXPIRATION_WINDOW = "15m";

export interface SkupperGrantArgs {
    /** The accepting site's namespace: it must have a Site with link access. */
    namespace: pulumi.Input<string>;
    /** The name of the AccessGrant. Defaults to the Pulumi resource name. */
    objectName?: pulumi.Input<string>;
    /** How many tokens may redeem the grant (an integer from 1). Default 1: one token links one site. */
    redemptionsAllowed?: pulumi.Input<number>;
    /** How long the grant may be redeemed, a Go duration such as `15m` or `1h`. Default `15m`. */
    expirationWindow?: pulumi.Input<string>;
    /** Labels for the object. */
    labels?: pulumi.Input<Record<string, pulumi.Input<string>>>;
    /** Annotations for the object (the pulumi.com/ await annotations are set by the component). */
    annotations?: pulumi.Input<Record<string, pulumi.Input<string>>>;
    /** Do not wait for Skupper at all (the url, code and ca are then empty until a later `up`). Default false. */
    skipAwait?: pulumi.Input<boolean>;
    /** How long Skupper may take to serve the grant, in seconds (an integer). Default 300. */
    timeoutSeconds?: pulumi.Input<number>;
}

/**
 * An AccessGrant in the accepting site's namespace: the site's controller serves it on its
 * grant server, and a token with its `url`, `code` and `ca` (a SkupperLink in the linking
 * site, in this program through another provider or in another stack) redeems it into a
 * Link. Waits until Skupper reports the grant `Ready`. `code` and `ca` are secrets.
 */
export class SkupperGrant extends pulumi.ComponentResource {
    public static readonly __pulumiType = "skupper:index:SkupperGrant";

    public readonly objectName: pulumi.Output<string>;
    public readonly namespace: pulumi.Output<string>;
    /** Where a token redeems the grant: `https://<grant server>/<grant uid>`. */
    public readonly url: pulumi.Output<string>;
    /** The one-time code a token presents (secret). */
    public readonly code: pulumi.Output<string>;
    /** The grant server's CA certificate, PEM (secret). */
    public readonly ca: pulumi.Output<string>;
    /** How many tokens have redeemed the grant. */
    public readonly redemptions: pulumi.Output<number>;
    /** When the grant stops being redeemable (RFC 3339), or "". */
    public readonly expirationTime: pulumi.Output<string>;
    /** Skupper's `status.status` (Pending, Ready or Error), or "". */
    public readonly status: pulumi.Output<string>;
    /** Skupper's `status.message`, or "". */
    public readonly message: pulumi.Output<string>;
    public readonly conditions: pulumi.Output<Condition[]>;
    /** Skupper serves the grant for its current generation. */
    public readonly ready: pulumi.Output<boolean>;

    constructor(name: string, args: SkupperGrantArgs, opts?: pulumi.ComponentResourceOptions) {
        const a = new Arguments<GrantFields>(
            { component: "SkupperGrant", schema: grantArgsSchema },
            name,
            { ...(args ?? {}) },
            (v) => withDefaults(name, v as ResolvedGrantArgs),
        );
        super(SkupperGrant.__pulumiType, name, {}, opts);

        // The status holds the code: secret in the state, on the object and its read-back.
        const secretStatus = { additionalSecretOutputs: ["status"] };
        const grant = new AccessGrant(
            `${name}-grant`,
            {
                metadata: {
                    name: a.from("objectName"),
                    namespace: a.from("namespace"),
                    labels: a.from("labels") as pulumi.Input<Record<string, string>> | undefined,
                    annotations: a.field(["annotations", "skipAwait", "timeoutSeconds"], (f) => ({
                        ...f.annotations,
                        ...providerAnnotations(wait(f)),
                    })),
                },
                spec: {
                    redemptionsAllowed: a.from("redemptionsAllowed"),
                    expirationWindow: a.from("expirationWindow"),
                },
            },
            // The grant's name is fixed: a replacement (pulumi up --replace) follows the old one's
            // deletion, or the provider would write the new one over it and then delete it.
            { parent: this, dependsOn: a.checkedFirst, deleteBeforeReplace: true, ...secretStatus },
        );
        const now = readBack(AccessGrant, `${name}-grant-status`, grant, grant, { parent: this, ...secretStatus });
        const status = now.status as pulumi.Output<AccessGrantStatus | undefined>;
        const live = statusOutputs(now, "Ready");
        const plain = <T>(f: (s: AccessGrantStatus | undefined) => T) => pulumi.unsecret(status.apply(f));

        this.objectName = grant.metadata.name;
        this.namespace = grant.metadata.namespace;
        this.url = plain((s) => s?.url ?? "");
        this.code = pulumi.secret(status.apply((s) => s?.code ?? ""));
        this.ca = pulumi.secret(status.apply((s) => s?.ca ?? ""));
        this.redemptions = plain((s) => s?.redemptions ?? 0);
        this.expirationTime = plain((s) => s?.expirationTime ?? "");
        this.status = pulumi.unsecret(live.status);
        this.message = pulumi.unsecret(live.message);
        this.conditions = pulumi.unsecret(live.conditions);
        this.ready = pulumi.unsecret(live.ready);
        this.registerOutputs({
            objectName: this.objectName,
            namespace: this.namespace,
            url: this.url,
            code: this.code,
            ca: this.ca,
            redemptions: this.redemptions,
            expirationTime: this.expirationTime,
            status: this.status,
            message: this.message,
            conditions: this.conditions,
            ready: this.ready,
        });
    }
}

type GrantFields = Omit<ResolvedGrantArgs, "objectName" | "redemptionsAllowed" | "expirationWindow"> & {
    objectName: string;
    redemptionsAllowed: number;
    expirationWindow: string;
    skipAwait: boolean;
    timeoutSeconds: number;
};

function withDefaults(name: string, a: ResolvedGrantArgs): GrantFields {
    return {
        ...a,
        objectName: a.objectName ?? name,
        redemptionsAllowed: a.redemptionsAllowed ?? DEFAULT_REDEMPTIONS_ALLOWED,
        expirationWindow: a.expirationWindow ?? DEFAULT_EXPIRATION_WINDOW,
        skipAwait: a.skipAwait ?? false,
        timeoutSeconds: a.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS,
    };
}

const wait = (a: GrantFields): Wait =>
    a.skipAwait ? "skip" : { waitFor: WAIT_READY, timeoutSeconds: a.timeoutSeconds };
