// SkupperLink: the linking side of a link between sites. An AccessToken with a grant's URL,
// code and CA in the linking site's namespace; Skupper's controller there redeems it
// against the accepting site's grant server and creates a Link (and its Secret) of the
// same name. Awaited until the token is redeemed and the Link is configured, or ready
// (configured and operational: the routers joined) with awaitOperational.
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { PATCH_FORCE, SKUPPER_API_VERSION } from "../constants";
import { AccessToken, AccessTokenStatus, Condition, Link, LinkStatus } from "../crds";
import { DEFAULT_TIMEOUT_SECONDS, WAIT_CONFIGURED, WAIT_READY, WAIT_REPORTED } from "../halves";
import { awaitAnnotations, providerAnnotations } from "../providerAnnotations";
import { conditionHolds } from "../status";
import { linkArgsSchema, ResolvedLinkArgs } from "../validation/args";
import { Arguments } from "./arguments";
import { statusOutputs } from "./liveStatus";

export interface SkupperLinkArgs {
    /** The linking site's namespace: it must have a Site. The token, and the Link Skupper makes of it, are created here. */
    namespace: pulumi.Input<string>;
    /** The grant's URL: a SkupperGrant's `url` (or a StackReference's output of it). */
    url: pulumi.Input<string>;
    /** The grant's one-time code: a SkupperGrant's `code`. Kept secret. */
    code: pulumi.Input<string>;
    /** The grant server's CA certificate: a SkupperGrant's `ca`. Kept secret. */
    ca: pulumi.Input<string>;
    /** The name of the AccessToken, and so of the Link and its Secret. Defaults to the Pulumi resource name. */
    objectName?: pulumi.Input<string>;
    /** The Link's cost (an integer from 1); the router prefers links of least cost. Skupper's default 1 when unset. A change applies to the Link in place. */
    cost?: pulumi.Input<number>;
    /** Also wait until the link is operational (the two routers joined), not only configured. Default false. */
    awaitOperational?: pulumi.Input<boolean>;
    /** Labels for the token. */
    labels?: pulumi.Input<Record<string, pulumi.Input<string>>>;
    /** Annotations for the token (the pulumi.com/ await annotations are set by the component). */
    annotations?: pulumi.Input<Record<string, pulumi.Input<string>>>;
    /** How long Skupper may take to redeem the token, and again to configure the link, in seconds (an integer). Default 300. */
    timeoutSeconds?: pulumi.Input<number>;
}

/**
 * Links the site in `namespace` to the site that issued a grant: an AccessToken with the
 * grant's `url`, `code` and `ca`, which Skupper redeems into a Link of the same name.
 * Waits until the token is redeemed (an `up` fails with Skupper's reason when it is
 * refused: expired, used up or unknown) and the Link is configured. The code and CA are
 * secrets in the state.
 *
 * Skupper makes the Link and its Secret owned by the linking Site, not by the token:
 * deleting this component deletes the token, and Skupper keeps the Link until the Site
 * goes. Delete the Link and Secret named `objectName` to unlink a site that stays; a
 * later token of that name is refused while they are there, and the `up` says so.
 */
export class SkupperLink extends pulumi.ComponentResource {
    public static readonly __pulumiType = "skupper:index:SkupperLink";

    public readonly objectName: pulumi.Output<string>;
    public readonly namespace: pulumi.Output<string>;
    /** Skupper redeemed the token. */
    public readonly redeemed: pulumi.Output<boolean>;
    /** The token's `status.message`: why it was refused, when it was. */
    public readonly tokenMessage: pulumi.Output<string>;
    /** The Link's `status.status` (Pending, Ready or Error), or "". */
    public readonly status: pulumi.Output<string>;
    /** The Link's `status.message`, or "". */
    public readonly message: pulumi.Output<string>;
    public readonly conditions: pulumi.Output<Condition[]>;
    /** Skupper configured the Link in the site's router. */
    public readonly configured: pulumi.Output<boolean>;
    /** The Link is configured and operational: the routers joined. */
    public readonly ready: pulumi.Output<boolean>;
    /** The name of the site at the other end, once the link is operational, or "". */
    public readonly remoteSiteName: pulumi.Output<string>;

    constructor(name: string, args: SkupperLinkArgs, opts?: pulumi.ComponentResourceOptions) {
        const a = new Arguments<LinkFields>(
            { component: "SkupperLink", schema: linkArgsSchema },
            name,
            { ...(args ?? {}) },
            (v) => withDefaults(name, v as ResolvedLinkArgs),
        );
        super(SkupperLink.__pulumiType, name, {}, opts);

        const token = new AccessToken(
            `${name}-token`,
            {
                metadata: {
                    name: a.from("objectName"),
                    namespace: a.from("namespace"),
                    labels: a.from("labels") as pulumi.Input<Record<string, string>> | undefined,
                    // Until Skupper reports the redemption either way: a refusal fails fast, below.
                    annotations: a.field(["annotations", "timeoutSeconds"], (f) => ({
                        ...f.annotations,
                        ...providerAnnotations({ waitFor: WAIT_REPORTED, timeoutSeconds: f.timeoutSeconds }),
                    })),
                },
                spec: {
                    url: a.from("url"),
                    code: pulumi.secret(a.from("code")),
                    ca: pulumi.secret(a.from("ca")),
                    linkCost: a.from("cost"),
                },
            },
            {
                parent: this,
                dependsOn: a.checkedFirst,
                additionalSecretOutputs: ["spec"],
                // Skupper redeems a token once: another grant needs a new token, awaited afresh.
                replaceOnChanges: ["spec.url", "spec.code", "spec.ca"],
                deleteBeforeReplace: true,
            },
        );
        const tokenStatus = token.status as pulumi.Output<AccessTokenStatus | undefined>;
        const redeemedName = pulumi
            .all([token.metadata, tokenStatus])
            .apply(([m, s]) => (isRedeemed(s) ? m.name! : refused(name, m, s)));

        // The Link is Skupper's: the component awaits it through a patch of the provider's
        // await annotations, which also sets its cost, when given (Skupper reads a token's
        // linkCost only when it redeems it; a Link's cost it applies whenever it changes).
        const linkAwait = new k8s.apiextensions.CustomResourcePatch(
            `${name}-link-await`,
            {
                apiVersion: SKUPPER_API_VERSION,
                kind: "Link",
                metadata: {
                    name: redeemedName,
                    namespace: token.metadata.namespace,
                    annotations: a.field(["awaitOperational", "timeoutSeconds", "cost"], (f) => ({
                        ...awaitAnnotations({
                            waitFor: f.awaitOperational ? WAIT_READY : WAIT_CONFIGURED,
                            timeoutSeconds: f.timeoutSeconds,
                        }),
                        // The cost is Skupper's too, from the token: taken over, not refused as a conflict.
                        ...(f.cost === undefined ? {} : { [PATCH_FORCE]: "true" }),
                    })),
                },
                spec: a.field(["cost"], (f) => (f.cost === undefined ? undefined : { cost: f.cost })),
            },
            // Retained, not relinquished, on delete: the provider relinquishes a patch by applying
            // the object's bare identity, which makes a new, empty Link when Skupper's is gone.
            { parent: this, retainOnDelete: true },
        );
        const now = Link.get(`${name}-link-status`, pulumi.interpolate`${token.metadata.namespace}/${redeemedName}`, {
            parent: this,
            dependsOn: [linkAwait],
        });
        const status = now.status as pulumi.Output<LinkStatus | undefined>;
        const live = statusOutputs(now, "Ready");

        this.objectName = token.metadata.name;
        this.namespace = token.metadata.namespace;
        this.redeemed = tokenStatus.apply(isRedeemed);
        this.tokenMessage = tokenStatus.apply((s) => s?.message ?? "");
        this.status = live.status;
        this.message = live.message;
        this.conditions = live.conditions;
        this.configured = now.metadata.apply((m) =>
            status.apply((s) => conditionHolds(s, "Configured", m?.generation)),
        );
        this.ready = live.ready;
        this.remoteSiteName = status.apply((s) => s?.remoteSiteName ?? "");
        this.registerOutputs({
            objectName: this.objectName,
            namespace: this.namespace,
            redeemed: this.redeemed,
            tokenMessage: this.tokenMessage,
            status: this.status,
            message: this.message,
            conditions: this.conditions,
            configured: this.configured,
            ready: this.ready,
            remoteSiteName: this.remoteSiteName,
        });
    }
}

const isRedeemed = (s: AccessTokenStatus | undefined) => s?.redeemed === true && s.status !== "Error";

function refused(name: string, token: { name?: string; namespace?: string }, s: AccessTokenStatus | undefined): never {
    const reason = s?.message || "no reason given";
    // Skupper names the Link and its Secret after the token and keeps them when the token
    // is deleted: a later token of that name finds them, after the grant counted it.
    const leftover = / already exists/.test(reason)
        ? `expected no Link or Secret '${token.name}' in namespace '${token.namespace}', but an earlier ` +
          "redemption's are still there (Skupper keeps them when their token is deleted): delete both, " +
          "then replace the grant, whose redemption this one used (pulumi up --replace <its AccessGrant's URN>)"
        : "expected a grant that is ready, unexpired and not used up (redemptionsAllowed), with its url, code and ca";
    throw new pulumi.RunError(`SkupperLink '${name}': Skupper did not redeem the token: ${reason}; ${leftover}`);
}

type LinkFields = Omit<ResolvedLinkArgs, "objectName"> & {
    objectName: string;
    awaitOperational: boolean;
    timeoutSeconds: number;
};

function withDefaults(name: string, a: ResolvedLinkArgs): LinkFields {
    return {
        ...a,
        objectName: a.objectName ?? name,
        awaitOperational: a.awaitOperational ?? false,
        timeoutSeconds: a.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS,
    };
}
