// SiteHalf: the site team's half of an attached connector, declared in its own stack: the
// AttachedConnectorBinding by which the site namespace consents to a workload namespace's
// connector and publishes it under a routing key. The workload team declares the other
// half (WorkloadHalf) in its stack.
import * as pulumi from "@pulumi/pulumi";
import { AttachedConnectorBinding, Condition } from "../crds";
import { DEFAULT_TIMEOUT_SECONDS, PARTNER_ELSEWHERE, WAIT_REPORTED, waitFor } from "../halves";
import { Wait } from "../providerAnnotations";
import { ResolvedSiteHalfArgs, siteHalfArgsSchema } from "../validation/args";
import { Arguments } from "./arguments";
import { bindingArgs, BindingFields } from "./halfObjects";
import { halfHooks, readableHalves } from "./halfHooks";
import { readBack, statusOutputs, waitingForOutput } from "./liveStatus";

export interface SiteHalfArgs {
    /** The namespace of the Skupper site; the AttachedConnectorBinding is created here. */
    siteNamespace: pulumi.Input<string>;
    /** The workload team's namespace, whose AttachedConnector of the same name the site accepts. */
    connectorNamespace: pulumi.Input<string>;
    /** The name of the binding, which must be the workload team's AttachedConnector's. Defaults to the resource name. */
    objectName?: pulumi.Input<string>;
    /** The address the workload is published under. Defaults to the object name. */
    routingKey?: pulumi.Input<string>;
    /** Expose each selected pod under its own name as well. */
    exposePodsByName?: pulumi.Input<boolean>;
    /** `spec.settings` (accepted, but not read by Skupper). */
    settings?: pulumi.Input<Record<string, pulumi.Input<string>>>;
    /** Labels for the object. */
    labels?: pulumi.Input<Record<string, pulumi.Input<string>>>;
    /** Annotations for the object (the pulumi.com/ await annotations are set by the component). */
    annotations?: pulumi.Input<Record<string, pulumi.Input<string>>>;
    /** Wait until the workload team's connector exists, a pod matches its selector and Skupper has configured the pair. Default false. */
    awaitPartner?: pulumi.Input<boolean>;
    /** Also wait until a listener with the routing key exists in the network (implies awaitPartner). Default false. */
    awaitListener?: pulumi.Input<boolean>;
    /** How long Skupper may take, in seconds (an integer): to report on the half, or with awaitPartner to configure the pair. Default 300. */
    timeoutSeconds?: pulumi.Input<number>;
}

/**
 * The site team's half of an attached connector: an AttachedConnectorBinding in the site
 * namespace. By default `up` does not wait for the workload team: the half is created, and
 * once Skupper has reported on it (at once, where the namespace has a Site) its status is
 * reported (`waitingFor` names what is missing); the next `up` after the workload team's,
 * once a pod matches, reports `ready: true`.
 */
export class SiteHalf extends pulumi.ComponentResource {
    public static readonly __pulumiType = "skupper:index:SiteHalf";

    /** The binding's name, which the workload team's AttachedConnector must share. */
    public readonly objectName: pulumi.Output<string>;
    public readonly siteNamespace: pulumi.Output<string>;
    public readonly connectorNamespace: pulumi.Output<string>;
    /** The address the workload is published under, for the consumers' listeners. */
    public readonly routingKey: pulumi.Output<string>;
    /** Skupper's `status.status` (Pending, Ready or Error), or "". */
    public readonly status: pulumi.Output<string>;
    /** Skupper's `status.message`, or "". */
    public readonly message: pulumi.Output<string>;
    public readonly conditions: pulumi.Output<Condition[]>;
    /** Whether a listener with the routing key exists somewhere in the network. */
    public readonly hasMatchingListener: pulumi.Output<boolean>;
    /** Skupper has configured the pair (the binding is Configured) for its current generation. */
    public readonly ready: pulumi.Output<boolean>;
    /** What the half waits for, in a sentence (the workload team's connector, say); "" once ready. */
    public readonly waitingFor: pulumi.Output<string>;

    constructor(name: string, args: SiteHalfArgs, opts?: pulumi.ComponentResourceOptions) {
        const a = new Arguments<SiteHalfFields>(
            { component: "SiteHalf", schema: siteHalfArgsSchema },
            name,
            { ...(args ?? {}) },
            (v) => withDefaults(name, v as ResolvedSiteHalfArgs),
        );
        super(SiteHalf.__pulumiType, name, {}, opts);

        const binding = new AttachedConnectorBinding(
            `${name}-binding`,
            bindingArgs(a, wait, ["awaitPartner", "awaitListener", "timeoutSeconds"], { bindingSettings: "settings" }),
            { parent: this, dependsOn: a.checkedFirst, deleteBeforeReplace: true, hooks: halfHooks(this, name) },
        );
        const now = readBack(AttachedConnectorBinding, `${name}-binding-status`, binding, binding, { parent: this });
        const live = statusOutputs(now, "Configured");

        this.objectName = binding.metadata.name;
        this.siteNamespace = binding.metadata.namespace;
        this.connectorNamespace = binding.spec.connectorNamespace;
        this.routingKey = binding.spec.routingKey;
        this.status = live.status;
        this.message = live.message;
        this.conditions = live.conditions;
        this.hasMatchingListener = now.status.apply((s) => s?.hasMatchingListener ?? false);
        this.ready = live.ready;
        this.waitingFor = waitingForOutput(
            "AttachedConnectorBinding",
            now,
            readableHalves(this).AttachedConnectorBinding,
        );
        this.registerOutputs({
            objectName: this.objectName,
            siteNamespace: this.siteNamespace,
            connectorNamespace: this.connectorNamespace,
            routingKey: this.routingKey,
            status: this.status,
            message: this.message,
            conditions: this.conditions,
            hasMatchingListener: this.hasMatchingListener,
            ready: this.ready,
            waitingFor: this.waitingFor,
        });
    }
}

type SiteHalfFields = BindingFields & { awaitPartner: boolean; awaitListener: boolean; timeoutSeconds: number };

function withDefaults(name: string, a: ResolvedSiteHalfArgs): SiteHalfFields {
    const { settings, ...rest } = a;
    const objectName = a.objectName ?? name;
    return {
        ...rest,
        objectName,
        routingKey: a.routingKey ?? objectName,
        bindingSettings: settings,
        annotations: { ...a.annotations, [PARTNER_ELSEWHERE]: "true" },
        awaitPartner: a.awaitPartner ?? false,
        awaitListener: a.awaitListener ?? false,
        timeoutSeconds: a.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS,
    };
}

const wait = (a: SiteHalfFields): Wait =>
    a.awaitPartner || a.awaitListener
        ? { waitFor: waitFor("AttachedConnectorBinding", a), timeoutSeconds: a.timeoutSeconds }
        : { waitFor: WAIT_REPORTED, timeoutSeconds: a.timeoutSeconds };
