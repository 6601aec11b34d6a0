// WorkloadHalf: the workload team's half of an attached connector, declared in its own
// stack: the AttachedConnector that offers the team's pods to a site namespace. The site
// team declares the other half (SiteHalf) in its stack.
import * as pulumi from "@pulumi/pulumi";
import { AttachedConnector, Condition } from "../crds";
import { DEFAULT_TIMEOUT_SECONDS, PARTNER_ELSEWHERE, waitFor } from "../halves";
import { Wait } from "../providerAnnotations";
import { ResolvedWorkloadHalfArgs, workloadHalfArgsSchema } from "../validation/args";
import { Arguments } from "./arguments";
import { connectorArgs, ConnectorFields } from "./halfObjects";
import { halfHooks, readableHalves } from "./halfHooks";
import { readBack, statusOutputs, waitingForOutput } from "./liveStatus";

export interface WorkloadHalfArgs {
    /** The namespace of the workload; the AttachedConnector is created here. */
    connectorNamespace: pulumi.Input<string>;
    /** The site namespace whose binding may use the workload (the site team's namespace). */
    siteNamespace: pulumi.Input<string>;
    /** The port on the workload's pods (an integer from 1 to 65535). */
    port: pulumi.Input<number>;
    /** A non-empty label selector for the workload's pods, e.g. `app=backend`. */
    selector: pulumi.Input<string>;
    /** The name of the AttachedConnector, which the site team's binding must share. Defaults to the resource name. */
    objectName?: pulumi.Input<string>;
    /** A Secret in the site namespace with the TLS bundle for router-to-workload traffic. */
    tlsCredentials?: pulumi.Input<string>;
    /** Send the client certificate of tlsCredentials (mutual TLS). */
    useClientCert?: pulumi.Input<boolean>;
    /** Also route to pods that are Running but not Ready. */
    includeNotReadyPods?: pulumi.Input<boolean>;
    /** The protocol: empty or `tcp`, the only one Skupper implements. */
    type?: pulumi.Input<string>;
    /** `spec.settings` (accepted, but not read by Skupper). */
    settings?: pulumi.Input<Record<string, pulumi.Input<string>>>;
    /** Labels for the object. */
    labels?: pulumi.Input<Record<string, pulumi.Input<string>>>;
    /** Annotations for the object (the pulumi.com/ await annotations are set by the component). */
    annotations?: pulumi.Input<Record<string, pulumi.Input<string>>>;
    /** Wait until the site team's binding exists, a pod matches the selector and Skupper has configured the pair. Default false: no wait for Skupper at all. */
    awaitPartner?: pulumi.Input<boolean>;
    /** With awaitPartner, how long Skupper may take to configure the pair, in seconds (an integer). Default 300. */
    timeoutSeconds?: pulumi.Input<number>;
}

/**
 * The workload team's half of an attached connector: an AttachedConnector in its own
 * namespace. By default `up` waits neither for the site team nor for Skupper (which
 * writes nothing on the connector while the binding exists and no pod matches the
 * selector): the half is created and its status read back (`waitingFor` names what is
 * missing); the next `up` after the site team's, once a pod matches, reports `ready: true`.
 */
export class WorkloadHalf extends pulumi.ComponentResource {
    public static readonly __pulumiType = "skupper:index:WorkloadHalf";

    /** The AttachedConnector's name, which the site team's binding must share. */
    public readonly objectName: pulumi.Output<string>;
    public readonly connectorNamespace: pulumi.Output<string>;
    public readonly siteNamespace: pulumi.Output<string>;
    /** Skupper's `status.status` (Pending, Ready or Error), or "". */
    public readonly status: pulumi.Output<string>;
    /** Skupper's `status.message`, or "". */
    public readonly message: pulumi.Output<string>;
    public readonly conditions: pulumi.Output<Condition[]>;
    /** Skupper has configured the pair (the connector is Ready) for its current generation. */
    public readonly ready: pulumi.Output<boolean>;
    /** What the half waits for, in a sentence (the site team's binding, say); "" once ready. */
    public readonly waitingFor: pulumi.Output<string>;

    constructor(name: string, args: WorkloadHalfArgs, opts?: pulumi.ComponentResourceOptions) {
        const a = new Arguments<WorkloadHalfFields>(
            { component: "WorkloadHalf", schema: workloadHalfArgsSchema },
            name,
            { ...(args ?? {}) },
            (v) => withDefaults(name, v as ResolvedWorkloadHalfArgs),
        );
        super(WorkloadHalf.__pulumiType, name, {}, opts);

        const connector = new AttachedConnector(
            `${name}-connector`,
            connectorArgs(a, wait, ["awaitPartner", "timeoutSeconds"], { connectorSettings: "settings" }),
            { parent: this, dependsOn: a.checkedFirst, deleteBeforeReplace: true, hooks: halfHooks(this, name) },
        );
        const now = readBack(AttachedConnector, `${name}-connector-status`, connector, connector, { parent: this });
        const live = statusOutputs(now, "Ready");

        this.objectName = connector.metadata.name;
        this.connectorNamespace = connector.metadata.namespace;
        this.siteNamespace = connector.spec.siteNamespace;
        this.status = live.status;
        this.message = live.message;
        this.conditions = live.conditions;
        this.ready = live.ready;
        this.waitingFor = waitingForOutput("AttachedConnector", now, readableHalves(this).AttachedConnector);
        this.registerOutputs({
            objectName: this.objectName,
            connectorNamespace: this.connectorNamespace,
            siteNamespace: this.siteNamespace,
            status: this.status,
            message: this.message,
            conditions: this.conditions,
            ready: this.ready,
            waitingFor: this.waitingFor,
        });
    }
}

type WorkloadHalfFields = ConnectorFields & { awaitPartner: boolean; timeoutSeconds: number };

function withDefaults(name: string, a: ResolvedWorkloadHalfArgs): WorkloadHalfFields {
    const { settings, ...rest } = a;
    return {
        ...rest,
        objectName: a.objectName ?? name,
        connectorSettings: settings,
        annotations: { ...a.annotations, [PARTNER_ELSEWHERE]: "true" },
        awaitPartner: a.awaitPartner ?? false,
        timeoutSeconds: a.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS,
    };
}

// Alone, the connector is not awaited: once the binding exists, Skupper writes nothing on
// it until a pod matches the selector, so a first report may never come.
const wait = (a: WorkloadHalfFields): Wait =>
    a.awaitPartner ? { waitFor: waitFor("AttachedConnector", {}), timeoutSeconds: a.timeoutSeconds } : "none";
