// SkupperSite: a Skupper Site in a namespace, awaited until Skupper reports it ready (its
// router running and, with link access, its endpoints resolved), with what another site
// needs to link to it: its endpoints, and the sites its network shows.
import * as pulumi from "@pulumi/pulumi";
import { Site, SiteStatus } from "../crds";
import { Condition } from "../crds";
import { DEFAULT_TIMEOUT_SECONDS, WAIT_READY } from "../halves";
import { providerAnnotations, Wait } from "../providerAnnotations";
import { ResolvedSiteArgs, siteArgsSchema } from "../validation/args";
import { Arguments } from "./arguments";
import { readBack, statusOutputs } from "./liveStatus";

export interface SkupperSiteArgs {
    /** The namespace of the site (it must exist; one Site per namespace). */
    namespace: pulumi.Input<string>;
    /** The name of the Site object. Defaults to the Pulumi resource name. */
    objectName?: pulumi.Input<string>;
    /**
     * How other sites may link to this one: an access type of Skupper's, such as `default`
     * (the cluster's default: a LoadBalancer Service on Kubernetes), `loadbalancer`,
     * `route`, `nodeport` or `local`. Unset or `none`: no site can link to this one.
     */
    linkAccess?: pulumi.Input<string>;
    /** Run two routers, for high availability. */
    ha?: pulumi.Input<boolean>;
    /** Run the router in edge mode: it links to others, none link to it. */
    edge?: pulumi.Input<boolean>;
    /** The ServiceAccount the router runs as. Skupper's default when unset. */
    serviceAccount?: pulumi.Input<string>;
    /** The issuer of the site's certificates (a Secret with a CA). Skupper's `skupper-site-ca` when unset. */
    defaultIssuer?: pulumi.Input<string>;
    /** `spec.settings` of the Site. */
    settings?: pulumi.Input<Record<string, pulumi.Input<string>>>;
    /** Labels for the object. */
    labels?: pulumi.Input<Record<string, pulumi.Input<string>>>;
    /** Annotations for the object (the pulumi.com/ await annotations are set by the component). */
    annotations?: pulumi.Input<Record<string, pulumi.Input<string>>>;
    /** Do not wait for Skupper at all. Default false. */
    skipAwait?: pulumi.Input<boolean>;
    /** How long Skupper may take to report the site ready, in seconds (an integer). Default 300. */
    timeoutSeconds?: pulumi.Input<number>;
}

/** Where other sites reach this one: a role (`inter-router`, `edge`) at a host and port. */
export interface SiteEndpoint {
    name: string;
    host: string;
    port: string;
    group: string;
}

/**
 * A Skupper Site: the namespace's router, which attached connectors bind to and which links
 * join to other sites' routers. Waits until Skupper reports it `Ready`: configured, its
 * router running, and with `linkAccess` its endpoints resolved (on Kubernetes, once the
 * load balancer has an address).
 */
export class SkupperSite extends pulumi.ComponentResource {
    public static readonly __pulumiType = "skupper:index:SkupperSite";

    public readonly objectName: pulumi.Output<string>;
    public readonly namespace: pulumi.Output<string>;
    /** The link access asked for, or "" for none. */
    public readonly linkAccess: pulumi.Output<string>;
    /** Skupper's `status.status` (Pending, Ready or Error), or "". */
    public readonly status: pulumi.Output<string>;
    /** Skupper's `status.message`, or "". */
    public readonly message: pulumi.Output<string>;
    public readonly conditions: pulumi.Output<Condition[]>;
    /** Skupper reports the site Ready for its current generation. */
    public readonly ready: pulumi.Output<boolean>;
    /** Where other sites link to this one; empty without link access or before it resolves. */
    public readonly endpoints: pulumi.Output<SiteEndpoint[]>;
    /** How many sites the site's network shows, itself included (0 before its router reports). */
    public readonly sitesInNetwork: pulumi.Output<number>;
    /** The names of the sites its network shows, itself included. */
    public readonly network: pulumi.Output<string[]>;

    constructor(name: string, args: SkupperSiteArgs, opts?: pulumi.ComponentResourceOptions) {
        const a = new Arguments<SiteFields>(
            { component: "SkupperSite", schema: siteArgsSchema },
            name,
            { ...(args ?? {}) },
            (v) => withDefaults(name, v as ResolvedSiteArgs),
        );
        super(SkupperSite.__pulumiType, name, {}, opts);

        const site = new Site(
            `${name}-site`,
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
                    linkAccess: a.from("linkAccess"),
                    ha: a.from("ha"),
                    edge: a.from("edge"),
                    serviceAccount: a.from("serviceAccount"),
                    defaultIssuer: a.from("defaultIssuer"),
                    settings: a.from("settings"),
                },
            },
            // A fixed name, and one Site per namespace: the old one goes before its replacement.
            { parent: this, dependsOn: a.checkedFirst, deleteBeforeReplace: true },
        );
        const now = readBack(Site, `${name}-site-status`, site, site, { parent: this });
        const live = statusOutputs(now, "Ready");
        const status = now.status as pulumi.Output<SiteStatus | undefined>;

        this.objectName = site.metadata.name;
        this.namespace = site.metadata.namespace;
        this.linkAccess = site.spec.apply((s) => s?.linkAccess ?? "");
        this.status = live.status;
        this.message = live.message;
        this.conditions = live.conditions;
        this.ready = live.ready;
        this.endpoints = status.apply((s) =>
            (s?.endpoints ?? []).map((e) => ({
                name: e.name ?? "",
                host: e.host ?? "",
                port: e.port ?? "",
                group: e.group ?? "",
            })),
        );
        this.sitesInNetwork = status.apply((s) => s?.sitesInNetwork ?? 0);
        this.network = status.apply((s) => (s?.network ?? []).map((n) => n.name ?? "").filter((n) => n !== ""));
        this.registerOutputs({
            objectName: this.objectName,
            namespace: this.namespace,
            linkAccess: this.linkAccess,
            status: this.status,
            message: this.message,
            conditions: this.conditions,
            ready: this.ready,
            endpoints: this.endpoints,
            sitesInNetwork: this.sitesInNetwork,
            network: this.network,
        });
    }
}

type SiteFields = Omit<ResolvedSiteArgs, "objectName"> & {
    objectName: string;
    skipAwait: boolean;
    timeoutSeconds: number;
};

function withDefaults(name: string, a: ResolvedSiteArgs): SiteFields {
    return {
        ...a,
        objectName: a.objectName ?? name,
        skipAwait: a.skipAwait ?? false,
        timeoutSeconds: a.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS,
    };
}

const wait = (a: SiteFields): Wait =>
    a.skipAwait ? "skip" : { waitFor: WAIT_READY, timeoutSeconds: a.timeoutSeconds };
