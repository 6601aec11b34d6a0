// ConsumerListener: the consuming side of an attached connector. A Skupper Listener in a
// consuming site's namespace (this cluster or another, through the component's provider)
// that serves the routing key a pair or a site team's half publishes.
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { AttachedConnectorBinding, Condition, Listener } from "../crds";
import { DEFAULT_TIMEOUT_SECONDS, WAIT_CONFIGURED, WAIT_READY } from "../halves";
import { providerAnnotations, Wait } from "../providerAnnotations";
import { listenerArgsSchema, listenerChecks, ResolvedListenerArgs } from "../validation/args";
import { Arguments, checkProviders } from "./arguments";
import { readBack, statusOutputs } from "./liveStatus";

/** Where a binding is: its namespace and name. */
export interface BindingReference {
    namespace: string;
    name: string;
}

export interface ConsumerListenerArgs {
    /** The consuming site's namespace (it must have a Skupper Site); the Listener is created here. */
    namespace: pulumi.Input<string>;
    /** The routing key to consume: a pair's or a site team's half's `routingKey`. */
    routingKey: pulumi.Input<string>;
    /** The port the local service listens on (an integer from 1 to 65535). */
    port: pulumi.Input<number>;
    /** The name of the Service Skupper creates for the listener (an RFC 1035 label). Defaults to the object name. */
    host?: pulumi.Input<string>;
    /** The name of the Listener, which also names the Service's port (a DNS-1123 label; an RFC 1035 label when it is the host). Defaults to the Pulumi resource name. */
    objectName?: pulumi.Input<string>;
    /** A Secret in the namespace with the TLS bundle the listener serves. */
    tlsCredentials?: pulumi.Input<string>;
    /** The protocol: empty or `tcp`, the only one Skupper implements. */
    type?: pulumi.Input<string>;
    /** Expose each of the workload's pods under its own name as well. */
    exposePodsByName?: pulumi.Input<boolean>;
    /** `spec.settings` of the Listener. */
    settings?: pulumi.Input<Record<string, pulumi.Input<string>>>;
    /** Labels for the object. */
    labels?: pulumi.Input<Record<string, pulumi.Input<string>>>;
    /** Annotations for the object (the pulumi.com/ await annotations are set by the component). */
    annotations?: pulumi.Input<Record<string, pulumi.Input<string>>>;
    /** Also wait until a connector with the routing key exists in the network. Default false. */
    awaitConnector?: pulumi.Input<boolean>;
    /** Do not wait for Skupper at all. Default false. */
    skipAwait?: pulumi.Input<boolean>;
    /** How long Skupper may take, in seconds (an integer). Default 300. */
    timeoutSeconds?: pulumi.Input<number>;
    /** The binding that publishes the routing key, to report its hasMatchingListener; it must exist. */
    binding?: pulumi.Input<BindingReference>;
    /** The provider (credentials) that reads the binding, when it is in another cluster or namespace's hands. */
    bindingProvider?: k8s.Provider;
}

/**
 * A Skupper Listener for a routing key in a consuming site: Skupper creates a Service
 * (`host`:`port`) there that forwards to the workloads published under the key. Waits
 * until Skupper has configured it; reports whether a connector with the key exists in the
 * network (`hasMatchingConnector`) and, given the binding, the binding's view.
 */
export class ConsumerListener extends pulumi.ComponentResource {
    public static readonly __pulumiType = "skupper:index:ConsumerListener";

    public readonly objectName: pulumi.Output<string>;
    public readonly namespace: pulumi.Output<string>;
    public readonly routingKey: pulumi.Output<string>;
    /** The Service Skupper creates in the namespace. */
    public readonly host: pulumi.Output<string>;
    /** Skupper's `status.status` (Pending, Ready or Error), or "". */
    public readonly status: pulumi.Output<string>;
    /** Skupper's `status.message`, or "". */
    public readonly message: pulumi.Output<string>;
    public readonly conditions: pulumi.Output<Condition[]>;
    /** Skupper has configured the listener for its current generation. */
    public readonly ready: pulumi.Output<boolean>;
    /** Whether a connector with the routing key exists in the network. */
    public readonly hasMatchingConnector: pulumi.Output<boolean>;
    /** The binding's `hasMatchingListener`, when `binding` is given (false otherwise). */
    public readonly bindingHasMatchingListener: pulumi.Output<boolean>;

    constructor(name: string, args: ConsumerListenerArgs, opts?: pulumi.ComponentResourceOptions) {
        const { bindingProvider, ...values } = args ?? ({} as ConsumerListenerArgs);
        const a = new Arguments<ListenerFields>(
            {
                component: "ConsumerListener",
                schema: listenerArgsSchema,
                others: ["bindingProvider"],
                across: listenerChecks,
            },
            name,
            values,
            (v) => withDefaults(name, v as ResolvedListenerArgs),
            checkProviders({ bindingProvider }),
        );
        super(ConsumerListener.__pulumiType, name, {}, opts);

        const waitUses = ["annotations", "awaitConnector", "skipAwait", "timeoutSeconds"];
        const listener = new Listener(
            `${name}-listener`,
            {
                metadata: {
                    name: a.from("objectName"),
                    namespace: a.from("namespace"),
                    labels: a.from("labels") as pulumi.Input<Record<string, string>> | undefined,
                    annotations: a.field(waitUses, (f) => ({ ...f.annotations, ...providerAnnotations(wait(f)) })),
                },
                spec: {
                    routingKey: a.from("routingKey"),
                    host: a.field([a.given("host") ? "host" : "objectName"], (f) => f.host),
                    port: a.from("port"),
                    tlsCredentials: a.from("tlsCredentials"),
                    type: a.from("type"),
                    exposePodsByName: a.from("exposePodsByName"),
                    settings: a.from("settings"),
                },
            },
            // A fixed name: the old Listener goes before its replacement is created.
            { parent: this, dependsOn: a.checkedFirst, deleteBeforeReplace: true },
        );
        const now = readBack(Listener, `${name}-listener-status`, listener, listener, { parent: this });
        const live = statusOutputs(now, "Configured");

        this.objectName = listener.metadata.name;
        this.namespace = listener.metadata.namespace;
        this.routingKey = listener.spec.routingKey;
        this.host = listener.spec.host;
        this.status = live.status;
        this.message = live.message;
        this.conditions = live.conditions;
        this.ready = live.ready;
        this.hasMatchingConnector = now.status.apply((s) => s?.hasMatchingConnector ?? false);
        // The binding is not created here: it is read by the reference given.
        const binding = values.binding === undefined ? undefined : pulumi.output(values.binding);
        this.bindingHasMatchingListener = binding
            ? readBack(
                  AttachedConnectorBinding,
                  `${name}-binding-status`,
                  { id: pulumi.interpolate`${binding.namespace}/${binding.name}`, metadata: binding },
                  listener,
                  { parent: this, provider: bindingProvider },
              ).status.apply((s) => s?.hasMatchingListener ?? false)
            : pulumi.output(false);
        this.registerOutputs({
            objectName: this.objectName,
            namespace: this.namespace,
            routingKey: this.routingKey,
            host: this.host,
            status: this.status,
            message: this.message,
            conditions: this.conditions,
            ready: this.ready,
            hasMatchingConnector: this.hasMatchingConnector,
            bindingHasMatchingListener: this.bindingHasMatchingListener,
        });
    }
}

type ListenerFields = Omit<ResolvedListenerArgs, "objectName" | "host"> & {
    objectName: string;
    host: string;
    awaitConnector: boolean;
    skipAwait: boolean;
    timeoutSeconds: number;
};

function withDefaults(name: string, a: ResolvedListenerArgs): ListenerFields {
    const objectName = a.objectName ?? name;
    return {
        ...a,
        objectName,
        host: a.host ?? objectName,
        awaitConnector: a.awaitConnector ?? false,
        skipAwait: a.skipAwait ?? false,
        timeoutSeconds: a.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS,
    };
}

const wait = (a: ListenerFields): Wait =>
    a.skipAwait
        ? "skip"
        : { waitFor: a.awaitConnector ? WAIT_READY : WAIT_CONFIGURED, timeoutSeconds: a.timeoutSeconds };
