// Reading AttachedConnectors and AttachedConnectorBindings out of any program: the
// component's children, raw CustomResources and objects from kubernetes:yaml files
// all arrive with the same type tokens and the same Kubernetes shape.

import { halfOfType, halves, HalfKind } from "@skupper-pulumi/attached-connector/halves";

export type Kind = HalfKind;
/** Skupper's kinds for links between sites (see links.ts). */
export type LinkKind = "AccessGrant" | "AccessToken" | "Link";
/** Every kind the pack reads: the two halves, Skupper's Listener (see listeners.ts) and the link kinds. */
export type ObjectKind = Kind | "Listener" | LinkKind;

export interface SkupperObject<K extends ObjectKind = Kind> {
    readonly kind: K;
    /** metadata.name, or undefined when Pulumi would auto-name the object. */
    readonly name: string | undefined;
    /**
     * metadata.namespace; when it is not set, the `namespace` of the Kubernetes provider
     * that creates the object, and only then `default`, as the provider itself does. (A
     * namespace set only in the kubeconfig's context is not visible to policies.)
     */
    readonly namespace: string;
    readonly annotations: Record<string, string>;
    readonly spec: Record<string, any>;
    /** The Pulumi resource name and URN, for messages and stack reports. */
    readonly resourceName: string;
    readonly urn: string;
    /** The URNs of the resources it depends on (its dependsOn among them); empty for a single resource's check. */
    readonly dependencies: readonly string[];
}

/** A resource as policies receive it, with the provider that creates it. */
export interface PolicyInput {
    type: string;
    props: Record<string, any>;
    name: string;
    urn: string;
    provider?: { props: Record<string, any> };
    dependencies?: { urn: string }[];
}

export function readObject(resource: PolicyInput): SkupperObject | undefined {
    const kind = halfOfType(resource.type)?.kind;
    return kind ? readAs(resource, kind) : undefined;
}

/** A resource read as an object of `kind`, whose type token the caller has checked. */
export function readAs<K extends ObjectKind>(resource: PolicyInput, kind: K): SkupperObject<K> {
    // Each field is read when a policy asks for it: in a preview some values may be
    // unknown (reading one throws), and then only the policies that need it cannot run.
    const metadata = (): Record<string, any> => resource.props.metadata ?? {};
    return {
        kind,
        get name() {
            return metadata().name;
        },
        get namespace() {
            return nonEmpty(metadata().namespace) ?? nonEmpty(resource.provider?.props.namespace) ?? "default";
        },
        get annotations() {
            return metadata().annotations ?? {};
        },
        get spec() {
            return resource.props.spec ?? {};
        },
        resourceName: resource.name,
        urn: resource.urn,
        dependencies: (resource.dependencies ?? []).map((d) => d.urn),
    };
}

function nonEmpty(value: unknown): string | undefined {
    return typeof value === "string" && value !== "" ? value : undefined;
}

/** How messages name an object: `AttachedConnector 'shop/orders'`. */
export function describe(object: SkupperObject<ObjectKind>): string {
    return `${object.kind} '${object.namespace}/${object.name ?? `(auto-named ${object.resourceName})`}'`;
}

/** The namespace an object points at: a connector's site, a binding's connector namespace. */
export function peerNamespace(object: SkupperObject): string | undefined {
    return object.spec[halves[object.kind].partnerNamespaceField];
}

export function peerField(object: SkupperObject): string {
    return `spec.${halves[object.kind].partnerNamespaceField}`;
}
