// Why a half did not become ready, in one sentence, from the object Skupper left: the
// Kubernetes provider's own timeout error says only "timed out waiting for the
// condition", while Skupper's reason is in the object's status.
import { SkupperStatus } from "../crds";

export interface HalfObject {
    metadata?: { generation?: number };
    spec?: { routingKey?: string; connectorNamespace?: string; siteNamespace?: string };
    status?: SkupperStatus & { hasMatchingListener?: boolean };
}

/** Skupper's message on a half whose partner it cannot find. */
export const NO_PARTNER = /^No matching AttachedConnector/;

/**
 * The reason, given what the half waited for (`condition=Ready` or `condition=Configured`).
 * `missingPartner` names the other half when it was looked up and does not exist.
 */
export function explainNotReady(
    kind: string,
    namespace: string,
    object: HalfObject | undefined,
    waitFor: string,
    missingPartner?: string,
): string {
    if (!object) return "the object does not exist (it was not created, or was deleted)";
    const status = object.status;
    if (!status || (!status.status && !status.conditions?.length)) {
        return kind === "AttachedConnectorBinding"
            ? `Skupper wrote no status on it: is there a Skupper Site in namespace '${namespace}'? Skupper handles a binding only through the site of its namespace`
            : "Skupper wrote no status on it: either no Skupper controller watches this namespace, or Skupper is waiting for a first pod that matches the selector";
    }
    const wanted = waitFor.replace(/^condition=/, "");
    const condition = status.conditions?.find((c) => c.type === wanted);
    const generation = object.metadata?.generation;
    if (
        condition?.status === "True" &&
        generation &&
        condition.observedGeneration &&
        condition.observedGeneration < generation
    ) {
        return `Skupper has not yet handled its latest change (generation ${generation}; it last saw ${condition.observedGeneration})`;
    }
    const says = [status.status, status.message].filter(Boolean).join(": ");
    if (
        kind === "AttachedConnectorBinding" &&
        wanted === "Ready" &&
        status.conditions?.find((c) => c.type === "Configured")?.status === "True" &&
        !status.hasMatchingListener
    ) {
        return `no listener with routing key '${object.spec?.routingKey}' exists in the Skupper network yet (awaitListener is set; Skupper says ${says})`;
    }
    const quoted = `Skupper says ${says}${condition ? ` (${wanted} is ${condition.status}${condition.message && condition.message !== status.message ? `: ${condition.message}` : ""})` : ""}`;
    // Each half waits for the other, and the engine runs at most --parallel steps at once:
    // when halves waiting for their partners hold every slot, the partners never start.
    return missingPartner === undefined
        ? quoted
        : `${quoted}; ${missingPartner} does not exist: it failed, or it never started because ` +
              "halves waiting for their partners held all of pulumi's parallel steps (run `pulumi up --parallel` with at least twice the number of pairs created at once)";
}
