import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { awaitAnnotations, DEFAULT_TIMEOUT_SECONDS } from "./awaitAnnotations";
import { AttachedConnector, AttachedConnectorBinding, Condition } from "./crds";
import { conditionHolds, conditionsOf, statusMessage, statusText } from "./status";
import { checkPairArgs, ResolvedPairArgs } from "./validation/args";
import { PairArgumentsError } from "./validation/error";

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
    public static readonly __pulumiType = "skupper:index:AttachedConnectorPair";

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

        // With every value known (the usual case) the children get plain inputs; otherwise
        // their inputs wait for the values and check them first.
        const checked = pending.length === 0
            ? withDefaults(name, values as ResolvedPairArgs)
            : pulumi.output(values).apply((resolved) => {
                const late = checkWithDefaults(name, resolved);
                if (late.length > 0) throw new PairArgumentsError(name, late);
                return withDefaults(name, resolved as ResolvedPairArgs);
            });
        const derive = <T>(fn: (a: Resolved) => T): pulumi.Input<T> =>
            pulumi.Output.isInstance(checked) ? checked.apply(fn) : fn(checked);

        const metadata = (kind: "AttachedConnector" | "AttachedConnectorBinding", namespace: (a: Resolved) => string) =>
            derive((a) => ({
                name: a.objectName,
                namespace: namespace(a),
                labels: a.labels,
                annotations: { ...a.annotations, ...awaitAnnotations(kind, a) },
            }));

        // No dependsOn between the halves: Skupper marks the connector Ready only once
        // the binding exists, so each must be created without waiting for the other.
        const connector = new AttachedConnector(`${name}-connector`, {
            metadata: metadata("AttachedConnector", (a) => a.connectorNamespace),
            spec: derive((a) => ({
                siteNamespace: a.siteNamespace,
                port: a.port,
                selector: a.selector,
                tlsCredentials: a.tlsCredentials,
                useClientCert: a.useClientCert,
                type: a.type,
                includeNotReadyPods: a.includeNotReadyPods,
                settings: a.connectorSettings,
            })),
        }, { parent: this, provider: connectorProvider, replaceOnChanges: ["spec.siteNamespace"] });

        const binding = new AttachedConnectorBinding(`${name}-binding`, {
            metadata: metadata("AttachedConnectorBinding", (a) => a.siteNamespace),
            spec: derive((a) => ({
                connectorNamespace: a.connectorNamespace,
                routingKey: a.routingKey,
                exposePodsByName: a.exposePodsByName,
                settings: a.bindingSettings,
            })),
        }, { parent: this, provider: bindingProvider, replaceOnChanges: ["spec.connectorNamespace"] });

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
        this.ready = pulumi
            .all([connector.status, connector.metadata, binding.status, binding.metadata])
            .apply(([cs, cm, bs, bm]) =>
                conditionHolds(cs, "Ready", cm.generation) && conditionHolds(bs, "Configured", bm.generation));

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

type Resolved = ResolvedPairArgs & { objectName: string; routingKey: string; skipAwait: boolean; awaitListener: boolean; timeoutSeconds: number };

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

/**
 * Checks the arguments but the pending ones, with the resource name as the default
 * object name. A defaulted routing key is the object name, so it needs no check of
 * its own.
 */
function checkWithDefaults(name: string, values: Record<string, unknown>, pending: string[] = []): string[] {
    const defaulted = values.objectName === undefined;
    const filled = defaulted ? { ...values, objectName: name } : values;
    return checkPairArgs(filled, pending).map((p) =>
        defaulted && p.startsWith("objectName:")
            ? `${p} (objectName defaults to the resource name '${name}'; set objectName)`
            : p);
}

/** The per-half providers, when given, must be provider resources of the kubernetes package. */
function checkProviders(providers: Record<string, unknown>): string[] {
    return Object.entries(providers)
        .filter(([, p]) => p !== undefined && !isKubernetesProvider(p))
        .map(([field, p]) => `${field}: expected a kubernetes Provider resource, got ${pulumi.Resource.isInstance(p) ? "another resource" : typeof p}`);
}

function isKubernetesProvider(value: unknown): boolean {
    // Duck-typed: a provider may come from another copy of @pulumi/pulumi.
    const getPackage = (value as { getPackage?: () => string } | undefined)?.getPackage;
    return pulumi.CustomResource.isInstance(value) && typeof getPackage === "function" && getPackage.call(value) === "kubernetes";
}

/** A plain value, or a plain map of plain values: something that can be checked now. */
function isKnown(value: unknown): boolean {
    if (pulumi.Output.isInstance(value) || isPromiseLike(value)) return false;
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
        return Object.values(value).every((v) => !pulumi.Output.isInstance(v) && !isPromiseLike(v));
    }
    return true;
}

function isPromiseLike(value: unknown): boolean {
    return typeof (value as PromiseLike<unknown> | undefined)?.then === "function";
}
