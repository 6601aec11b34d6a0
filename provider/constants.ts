// Names that the component, the policy pack, the local environment and the benchmarks
// all need: the Skupper API, the Pulumi type tokens and the Kubernetes provider's await
// annotations. Depends on nothing, so any of them can import it.

export const SKUPPER_GROUP = "skupper.io";
export const SKUPPER_VERSION = "v2alpha1";
export const SKUPPER_API_VERSION = `${SKUPPER_GROUP}/${SKUPPER_VERSION}`;

/**
 * The Skupper kinds this package types, with their CRD names: the five of the typed
 * resources, and the three that link sites (typed by their spec and status only).
 */
export const skupperKinds = {
    AttachedConnector: { plural: "attachedconnectors", shortNames: ["acnr"] },
    AttachedConnectorBinding: { plural: "attachedconnectorbindings", shortNames: ["acnrb"] },
    Site: { plural: "sites", shortNames: ["st"] },
    Listener: { plural: "listeners", shortNames: ["lnr"] },
    Connector: { plural: "connectors", shortNames: ["cnr"] },
    AccessGrant: { plural: "accessgrants", shortNames: ["grant", "gr"] },
    AccessToken: { plural: "accesstokens", shortNames: ["token", "to"] },
    Link: { plural: "links", shortNames: ["ln"] },
} as const;

export type SkupperKind = keyof typeof skupperKinds;

/** The Pulumi type token of a Skupper kind, e.g. kubernetes:skupper.io/v2alpha1:Site. */
export function skupperType(kind: SkupperKind): string {
    return `kubernetes:${SKUPPER_API_VERSION}:${kind}`;
}

export const ATTACHED_CONNECTOR_TYPE = skupperType("AttachedConnector");
export const ATTACHED_CONNECTOR_BINDING_TYPE = skupperType("AttachedConnectorBinding");
export const LISTENER_TYPE = skupperType("Listener");

/** The component's type token. */
export const PAIR_TYPE = "skupper:index:AttachedConnectorPair";

// Annotations the Kubernetes provider reads (@pulumi/kubernetes 4.18 or later).
export const WAIT_FOR = "pulumi.com/waitFor";
export const TIMEOUT_SECONDS = "pulumi.com/timeoutSeconds";
export const SKIP_AWAIT = "pulumi.com/skipAwait";
/** Take over fields another field manager set, instead of failing on the conflict. */
export const PATCH_FORCE = "pulumi.com/patchForce";
/** How a delete propagates: the provider's default, foreground, waits for the garbage collector. */
export const DELETION_PROPAGATION = "pulumi.com/deletionPropagationPolicy";
/** Set by the provider's Check on an object it named itself. */
export const AUTONAMED = "pulumi.com/autonamed";
