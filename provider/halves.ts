// The two halves of an attached connector as one idea: which kind lives in which
// namespace, which spec field names the other half's namespace, which team owns it, and
// how a half waits for Skupper. The components, their diagnosis and the policy pack (as
// the "/halves" subpath) read it here. Depends only on constants.ts.
import { ATTACHED_CONNECTOR_BINDING_TYPE, ATTACHED_CONNECTOR_TYPE, skupperKinds } from "./constants";

export type HalfKind = "AttachedConnector" | "AttachedConnectorBinding";

export interface Half {
    kind: HalfKind;
    /** The Pulumi type token. */
    type: string;
    /** The kind of the other half. */
    partner: HalfKind;
    /** The argument (of the components) that names the namespace this half lives in. */
    namespaceArgument: "connectorNamespace" | "siteNamespace";
    /** The spec field that names the other half's namespace. */
    partnerNamespaceField: "siteNamespace" | "connectorNamespace";
    /** Who declares it, in Skupper's two-sided consent. */
    owner: "the workload team" | "the site team";
    /** `kubectl get` short name. */
    shortName: string;
    plural: string;
    /** Skupper's status message on this half while its partner is missing. */
    partnerMissing: string;
}

export const halves: Record<HalfKind, Half> = {
    AttachedConnector: {
        kind: "AttachedConnector",
        type: ATTACHED_CONNECTOR_TYPE,
        partner: "AttachedConnectorBinding",
        namespaceArgument: "connectorNamespace",
        partnerNamespaceField: "siteNamespace",
        owner: "the workload team",
        shortName: skupperKinds.AttachedConnector.shortNames[0],
        plural: skupperKinds.AttachedConnector.plural,
        partnerMissing: "No matching AttachedConnectorBinding in site namespace",
    },
    AttachedConnectorBinding: {
        kind: "AttachedConnectorBinding",
        type: ATTACHED_CONNECTOR_BINDING_TYPE,
        partner: "AttachedConnector",
        namespaceArgument: "siteNamespace",
        partnerNamespaceField: "connectorNamespace",
        owner: "the site team",
        shortName: skupperKinds.AttachedConnectorBinding.shortNames[0],
        plural: skupperKinds.AttachedConnectorBinding.plural,
        partnerMissing: "No matching AttachedConnector",
    },
};

/** The half a Pulumi type token is, if any. */
export function halfOfType(type: string): Half | undefined {
    return Object.values(halves).find((half) => half.type === type);
}

// ------------------------------------------------------------------------------ waiting
// Skupper writes the binding's Configured together with its active connector's
// Configured/Ready, once both halves exist; the binding's Ready needs a matching
// listener as well. So a pair waits on one half only, the binding, created after its
// connector: a wait never holds an engine step for a partner that has not started.

/** What the binding waits for: Skupper configured the pair. */
export const WAIT_CONFIGURED = "condition=Configured";
/** What a half waits for when it must be fully ready (a binding: a listener matches too). */
export const WAIT_READY = "condition=Ready";
/**
 * What the site team's half waits for by default: Skupper's first report on it (any
 * `status.status`), so its outputs say what Skupper sees rather than nothing yet, without
 * waiting for the other team. (The workload team's half waits for nothing by default:
 * Skupper writes nothing on a connector whose binding exists until a pod matches.)
 */
export const WAIT_REPORTED = "jsonpath={.status.status}";

/** The wait of a half: a connector's readiness is its Configured, a binding's Ready needs a listener. */
export function waitFor(kind: HalfKind, options: { awaitListener?: boolean }): string {
    if (kind === "AttachedConnector") return WAIT_READY;
    return options.awaitListener ? WAIT_READY : WAIT_CONFIGURED;
}

/** How long an awaited half may take by default, in seconds. */
export const DEFAULT_TIMEOUT_SECONDS = 300;
/** The longest wait accepted: the Kubernetes provider turns it into a Go duration. */
export const MAX_TIMEOUT_SECONDS = 86400;

/**
 * The binding's `spec.settings` key that carries a digest of its connector's spec.
 * Skupper never reads settings, but a change of them bumps the binding's generation, so
 * a change of the connector alone is awaited on the binding like any other.
 */
export const CONNECTOR_DIGEST_SETTING = "pulumi.skupper.io/connector-digest";

/**
 * Set on a half declared alone (one team's half, in its own stack): its partner is
 * declared elsewhere, so a stack with this half alone is not missing anything.
 */
export const PARTNER_ELSEWHERE = "pulumi.skupper.io/partner-declared-elsewhere";
