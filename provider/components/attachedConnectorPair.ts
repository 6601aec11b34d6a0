// AttachedConnectorPair: the component that creates a Skupper AttachedConnector and its
// AttachedConnectorBinding as one checked, consistent, awaited pair.
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { PAIR_TYPE } from "../constants";
import { AttachedConnector, AttachedConnectorBinding, Condition } from "../crds";
import { DEFAULT_TIMEOUT_SECONDS, waitFor } from "../halves";
import { Wait } from "../providerAnnotations";
import { pairArgsSchema, ResolvedPairArgs } from "../validation/args";
import { Arguments, checkProviders } from "./arguments";
import { bindingArgs, BindingFields, connectorArgs, connectorDigestUses, ConnectorFields } from "./halfObjects";
import { halfHooks } from "./halfHooks";
import { readBack, statusOutputs } from "./liveStatus";

export interface AttachedConnectorPairArgs {
    /** The namespace of the workload; the AttachedConnector is created here. */
    connectorNamespace: pulumi.Input<string>;
    /** The namespace of the Skupper site; the AttachedConnectorBinding is created here. */
    siteNamespace: pulumi.Input<string>;
    /** The port on the workload's pods (an integer from 1 to 65535). */
    port: pulumi.Input<number>;
    /** A non-empty label selector for the workload's pods, e.g. `app=backend`. */
    selector: pulumi.Input<string>;
    /** The address the workload is published under. Defaults to the object name. */
    routingKey?: pulumi.Input<string>;
    /** The name of both Kubernetes objects. Defaults to the Pulumi resource name. */
    objectName?: pulumi.Input<string>;
    /** A Secret in the site namespace with the TLS bundle for router-to-workload traffic. */
    tlsCredentials?: pulumi.Input<string>;
    /** Send the client certificate of tlsCredentials (mutual TLS). */
    useClientCert?: pulumi.Input<boolean>;
    /** Also route to pods that are Running but not Ready. */
    includeNotReadyPods?: pulumi.Input<boolean>;
    /** The protocol: empty or `tcp`, the only one Skupper implements. */
    type?: pulumi.Input<string>;
    /** Expose each selected pod under its own name as well. */
    exposePodsByName?: pulumi.Input<boolean>;
    /** `spec.settings` of the AttachedConnector (accepted, but not read by Skupper). */
    connectorSettings?: pulumi.Input<Record<string, pulumi.Input<string>>>;
    /** `spec.settings` of the AttachedConnectorBinding (accepted, but not read by Skupper). */
    bindingSettings?: pulumi.Input<Record<string, pulumi.Input<string>>>;
    /** Labels for both objects. */
    labels?: pulumi.Input<Record<string, pulumi.Input<string>>>;
    /** Annotations for both objects (the pulumi.com/ await annotations are set by the component). */
    annotations?: pulumi.Input<Record<string, pulumi.Input<string>>>;
    /** Also wait until a listener with the routing key exists in the network. Default false. */
    awaitListener?: pulumi.Input<boolean>;
    /** Do not wait for Skupper at all. Default false. */
    skipAwait?: pulumi.Input<boolean>;
    /** How long Skupper may take to configure the pair, in seconds (an integer). Default 300. */
    timeoutSeconds?: pulumi.Input<number>;
    /** The provider (credentials) for the workload namespace's half. */
    connectorProvider?: k8s.Provider;
    /** The provider (credentials) for the site namespace's half. */
    bindingProvider?: k8s.Provider;
}

/**
 * A Skupper AttachedConnector and its AttachedConnectorBinding, created as one consistent
 * pair: the same name, cross-referencing namespaces and one routing key. Waits until
 * Skupper has configured both, and reports their live status.
 */
export class AttachedConnectorPair extends pulumi.ComponentResource {
    public static readonly __pulumiType = PAIR_TYPE;

    /** The name of both objects. */
    public readonly objectName: pulumi.Output<string>;
    /** The routing key of the binding. */
    public readonly routingKey: pulumi.Output<string>;
    public readonly connectorNamespace: pulumi.Output<string>;
    public readonly siteNamespace: pulumi.Output<string>;
    /** The AttachedConnector's `status.status` (Pending, Ready or Error), or "". */
    public readonly connectorStatus: pulumi.Output<string>;
    /** The AttachedConnector's `status.message`, or "". */
    public readonly connectorMessage: pulumi.Output<string>;
    /** The binding's `status.status` (Pending, Ready or Error), or "". */
    public readonly bindingStatus: pulumi.Output<string>;
    /** The binding's `status.message`, or "". */
    public readonly bindingMessage: pulumi.Output<string>;
    /** Whether a listener with the routing key exists somewhere in the network. */
    public readonly hasMatchingListener: pulumi.Output<boolean>;
    /** The connector is Ready and the binding Configured, for their current generation. */
    public readonly ready: pulumi.Output<boolean>;
    public readonly connectorConditions: pulumi.Output<Condition[]>;
    public readonly bindingConditions: pulumi.Output<Condition[]>;

    constructor(name: string, args: AttachedConnectorPairArgs, opts?: pulumi.ComponentResourceOptions) {
        const { connectorProvider, bindingProvider, ...values } = args ?? ({} as AttachedConnectorPairArgs);
        const a = new Arguments<PairFields>(
            {
                component: "AttachedConnectorPair",
                schema: pairArgsSchema,
                others: ["connectorProvider", "bindingProvider"],
            },
            name,
            values,
            (v) => withDefaults(name, v as ResolvedPairArgs),
            checkProviders({ connectorProvider, bindingProvider }),
        );
        super(AttachedConnectorPair.__pulumiType, name, {}, opts);

        // A half that fails is explained from the cluster (see diagnosis/).
        const hooks = halfHooks(this, name, {
            AttachedConnector: connectorProvider,
            AttachedConnectorBinding: bindingProvider,
        });

        // The waits (see halves.ts): the connector is created first and not awaited; the
        // binding after it, awaited. Skupper writes the binding's Configured together with
        // the connector's Ready, so the one wait covers both, and no wait holds an engine
        // step for a half that has not started: any number of pairs fit in --parallel 1.
        // A replaced connector is deleted before its replacement is created: the old one
        // serves nothing once the binding moves on. The binding is replaced, old one first,
        // when the workload namespace moves: Skupper takes an updated connectorNamespace
        // for a new binding without connectors, and finds the moved connector only at its
        // next resync (up to 30 s); a new binding finds it at once.
        const connector = new AttachedConnector(
            `${name}-connector`,
            connectorArgs(a, () => "none", []),
            {
                parent: this,
                provider: connectorProvider,
                dependsOn: a.checkedFirst,
                deleteBeforeReplace: true,
                hooks,
            },
        );
        const binding = new AttachedConnectorBinding(
            `${name}-binding`,
            bindingArgs(a, bindingWait, bindingWaitUses, {}, { connector: a, uses: connectorDigestUses }),
            {
                parent: this,
                provider: bindingProvider,
                dependsOn: [connector],
                deleteBeforeReplace: true,
                replaceOnChanges: ["spec.connectorNamespace"],
                hooks,
            },
        );

        // The halves as Skupper reports them now, after the binding's wait. Skupper writes
        // the binding's status a moment before the connector's, so the connector is read last.
        const bindingNow = readBack(AttachedConnectorBinding, `${name}-binding-status`, binding, binding, {
            parent: this,
            provider: bindingProvider,
        });
        const connectorNow = readBack(AttachedConnector, `${name}-connector-status`, connector, bindingNow, {
            parent: this,
            provider: connectorProvider,
        });
        const connectorLive = statusOutputs(connectorNow, "Ready");
        const bindingLive = statusOutputs(bindingNow, "Configured");

        this.objectName = connector.metadata.name;
        this.connectorNamespace = connector.metadata.namespace;
        this.siteNamespace = binding.metadata.namespace;
        this.routingKey = binding.spec.routingKey;
        this.connectorStatus = connectorLive.status;
        this.connectorMessage = connectorLive.message;
        this.bindingStatus = bindingLive.status;
        this.bindingMessage = bindingLive.message;
        this.hasMatchingListener = bindingNow.status.apply((s) => s?.hasMatchingListener ?? false);
        this.connectorConditions = connectorLive.conditions;
        this.bindingConditions = bindingLive.conditions;
        this.ready = pulumi.all([connectorLive.ready, bindingLive.ready]).apply(([c, b]) => c && b);

        this.registerOutputs({
            objectName: this.objectName,
            routingKey: this.routingKey,
            connectorNamespace: this.connectorNamespace,
            siteNamespace: this.siteNamespace,
            connectorStatus: this.connectorStatus,
            connectorMessage: this.connectorMessage,
            bindingStatus: this.bindingStatus,
            bindingMessage: this.bindingMessage,
            hasMatchingListener: this.hasMatchingListener,
            ready: this.ready,
            connectorConditions: this.connectorConditions,
            bindingConditions: this.bindingConditions,
        });
    }
}

type PairFields = ConnectorFields &
    BindingFields & { skipAwait: boolean; awaitListener: boolean; timeoutSeconds: number };

function withDefaults(name: string, a: ResolvedPairArgs): PairFields {
    const objectName = a.objectName ?? name;
    return {
        ...a,
        objectName,
        routingKey: a.routingKey ?? objectName,
        skipAwait: a.skipAwait ?? false,
        awaitListener: a.awaitListener ?? false,
        timeoutSeconds: a.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS,
    };
}

const bindingWaitUses = ["skipAwait", "awaitListener", "timeoutSeconds"];
const bindingWait = (a: PairFields): Wait =>
    a.skipAwait ? "skip" : { waitFor: waitFor("AttachedConnectorBinding", a), timeoutSeconds: a.timeoutSeconds };
