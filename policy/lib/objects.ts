// Reading AttachedConnectors and AttachedConnectorBindings out of any program: the
// component's children, raw CustomResources and objects from kubernetes:yaml files
// all arrive with the same type tokens and the same Kubernetes shape.

export const CONNECTOR_TYPE = "kubernetes:skupper.io/v2alpha1:AttachedConnector";
export const BINDING_TYPE = "kubernetes:skupper.io/v2alpha1:AttachedConnectorBinding";

export type Kind = "AttachedConnector" | "AttachedConnectorBinding";

const kindOfType: Record<string, Kind> = {
    [CONNECTOR_TYPE]: "AttachedConnector",
    [BINDING_TYPE]: "AttachedConnectorBinding",
};

export interface SkupperObject {
    kind: Kind;
    /** metadata.name, or undefined when Pulumi would auto-name the object. */
    name: string | undefined;
    /** metadata.namespace; the provider's default applies when it is not set. */
    namespace: string;
    annotations: Record<string, string>;
    spec: Record<string, any>;
    /** The Pulumi resource name and URN, for messages and stack reports. */
    resourceName: string;
    urn: string;
}

export function readObject(resource: { type: string; props: Record<string, any>; name: string; urn: string }): SkupperObject | undefined {
    const kind = kindOfType[resource.type];
    if (!kind) return undefined;
    const metadata = resource.props.metadata ?? {};
    return {
        kind,
        name: metadata.name,
        namespace: metadata.namespace ?? "default",
        annotations: metadata.annotations ?? {},
        spec: resource.props.spec ?? {},
        resourceName: resource.name,
        urn: resource.urn,
    };
}

/** How messages name an object: `AttachedConnector 'shop/orders'`. */
export function describe(object: SkupperObject): string {
    return `${object.kind} '${object.namespace}/${object.name ?? `(auto-named ${object.resourceName})`}'`;
}

/** The namespace an object points at: a connector's site, a binding's connector namespace. */
export function peerNamespace(object: SkupperObject): string | undefined {
    return object.kind === "AttachedConnector" ? object.spec.siteNamespace : object.spec.connectorNamespace;
}

export function peerField(object: SkupperObject): string {
    return object.kind === "AttachedConnector" ? "spec.siteNamespace" : "spec.connectorNamespace";
}
