// AttachedConnectorPair: the component that creates a Skupper AttachedConnector and its
// AttachedConnectorBinding as one checked, consistent, awaited pair.
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { DEFAULT_TIMEOUT_SECONDS, providerAnnotations } from "./providerAnnotations";
import { ATTACHED_CONNECTOR_TYPE, PAIR_TYPE } from "./constants";
import { AttachedConnector, AttachedConnectorBinding, Condition } from "./crds";
import { conditionHolds, conditionsOf, statusMessage, statusText } from "./status";
import { diagnosePair, HalfKind } from "./diagnosis/hook";
import { ResolvedPairArgs } from "./validation/args";
import { PairArgumentsError } from "./validation/error";
import { checkProviders, checkWithDefaults, isKnown } from "./validation/pairInputs";

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
    /** How long each object may take to become ready, in seconds (an integer). Default 300. */
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
        // Check what is known now, before anything is registered; the rest once it resolves.
        const pending = Object.keys(values).filter((k) => !isKnown((values as Record<string, unknown>)[k]));
        const problems = [
            ...checkWithDefaults(name, values, pending),
            ...checkProviders({ connectorProvider, bindingProvider }),
        ];
        if (problems.length > 0) throw new PairArgumentsError(name, problems);

        super(AttachedConnectorPair.__pulumiType, name, {}, opts);

        // Each field of the two halves is derived on its own: from the plain values when
        // none of the arguments it uses is pending, otherwise from the pending values once
        // they have resolved and passed the checks. So in a preview an unknown argument
        // leaves every other field known, and the policy pack can still check them.
        const checked =
            pending.length === 0
                ? undefined
                : pulumi.output(values).apply((resolved) => {
                      const late = checkWithDefaults(name, resolved);
                      if (late.length > 0) throw new PairArgumentsError(name, late);
                      return withDefaults(name, resolved as ResolvedPairArgs);
                  });
        // The pending arguments still hold their outputs here; no field reads them from it.
        const now = withDefaults(name, values as ResolvedPairArgs);
        const field = <T>(uses: Argument[], derive: (a: Resolved) => T): pulumi.Input<T> =>
            checked && uses.some((arg) => pending.includes(arg)) ? checked.apply(derive) : derive(now);
        const from = <K extends Argument & keyof Resolved>(arg: K) => field([arg], (a) => a[arg]);
        // Neither half may be created before the pending values have passed the checks,
        // even one that uses none of them: both depend on the check (which adds no resource).
        const dependsOn = checked?.apply((): pulumi.Resource[] => []);

        const metadata = (kind: HalfKind, namespace: "connectorNamespace" | "siteNamespace") => ({
            name: field(["objectName"], (a) => a.objectName),
            namespace: from(namespace),
            // An output that resolves to undefined leaves labels out, as undefined does.
            labels: from("labels") as pulumi.Input<Record<string, string>> | undefined,
            annotations: field(["annotations", "skipAwait", "awaitListener", "timeoutSeconds"], (a) => ({
                ...a.annotations,
                ...providerAnnotations(kind, a),
            })),
        });
        // A half that fails to become ready is explained from its live status; this process
        // can read it back when the half goes through the default provider's cluster.
        // One hook serves both halves (each hook is a registration with the engine).
        const viaDefault = this.getProvider(ATTACHED_CONNECTOR_TYPE) === undefined;
        const diagnosis = diagnosePair(`${name}-diagnosis`, {
            AttachedConnector: viaDefault && connectorProvider === undefined,
            AttachedConnectorBinding: viaDefault && bindingProvider === undefined,
        });

        // No replaceOnChanges on the cross-references: Skupper reconciles a connector whose
        // siteNamespace changed, and a binding whose connectorNamespace changed, in place,
        // while a replacement under the same name is applied before the old object is
        // deleted (server-side apply reports a field conflict) and that delete then removes
        // the live object. A half whose own namespace or name changes is still replaced, by
        // the Kubernetes provider; the new object lives elsewhere, so nothing clashes.
        // No dependsOn between the halves: Skupper marks the connector Ready only once the
        // binding exists, so each must be created without waiting for the other (and a
        // new pair needs two of the engine's parallel steps at once).
        // A replaced connector is deleted before its replacement is created. When the
        // workload namespace moves, the binding is updated at the same time; a new
        // connector that Skupper sees before that update gets "does not allow", the update
        // then leaves the binding at "No matching AttachedConnector", and Skupper looks
        // again only at its next resync, up to 30 s later. The delete first gives the
        // update that head start; the old connector serves nothing once the binding has
        // moved on. (The binding has no such race: a connector's changed siteNamespace
        // makes Skupper look again.)
        const connector = new AttachedConnector(
            `${name}-connector`,
            {
                metadata: metadata("AttachedConnector", "connectorNamespace"),
                spec: {
                    siteNamespace: from("siteNamespace"),
                    port: from("port"),
                    selector: from("selector"),
                    tlsCredentials: from("tlsCredentials"),
                    useClientCert: from("useClientCert"),
                    type: from("type"),
                    includeNotReadyPods: from("includeNotReadyPods"),
                    settings: field(["connectorSettings"], (a) => a.connectorSettings),
                },
            },
            {
                parent: this,
                provider: connectorProvider,
                dependsOn,
                deleteBeforeReplace: true,
                hooks: { onError: [diagnosis] },
            },
        );

        const binding = new AttachedConnectorBinding(
            `${name}-binding`,
            {
                metadata: metadata("AttachedConnectorBinding", "siteNamespace"),
                spec: {
                    connectorNamespace: from("connectorNamespace"),
                    routingKey: field(
                        [values.routingKey === undefined ? "objectName" : "routingKey"],
                        (a) => a.routingKey,
                    ),
                    exposePodsByName: from("exposePodsByName"),
                    settings: field(["bindingSettings"], (a) => a.bindingSettings),
                },
            },
            { parent: this, provider: bindingProvider, dependsOn, hooks: { onError: [diagnosis] } },
        );

        this.objectName = connector.metadata.name;
        this.connectorNamespace = connector.metadata.namespace;
        this.siteNamespace = binding.metadata.namespace;
        this.routingKey = binding.spec.routingKey;
        this.connectorStatus = connector.status.apply(statusText);
        this.connectorMessage = connector.status.apply(statusMessage);
        this.bindingStatus = binding.status.apply(statusText);
        this.bindingMessage = binding.status.apply(statusMessage);
        this.hasMatchingListener = binding.status.apply((s) => s?.hasMatchingListener ?? false);
        this.connectorConditions = connector.status.apply(conditionsOf);
        this.bindingConditions = binding.status.apply(conditionsOf);
        // Nested applies rather than pulumi.all, which first copies each of the four whole
        // objects into an Output of its own: a third of the component's Outputs went there.
        this.ready = connector.metadata.apply((cm) =>
            connector.status.apply((cs) =>
                binding.metadata.apply((bm) =>
                    binding.status.apply(
                        (bs) =>
                            conditionHolds(cs, "Ready", cm.generation) &&
                            conditionHolds(bs, "Configured", bm.generation),
                    ),
                ),
            ),
        );

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

type Argument = keyof AttachedConnectorPairArgs;
type Resolved = ResolvedPairArgs & {
    objectName: string;
    routingKey: string;
    skipAwait: boolean;
    awaitListener: boolean;
    timeoutSeconds: number;
};

function withDefaults(name: string, a: ResolvedPairArgs): Resolved {
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
