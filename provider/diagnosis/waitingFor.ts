// What one team's half waits for, in a sentence, from the status Skupper reports on it
// now: the other team's half above all, which Skupper names only by its kind. Where the
// cluster could be read, the partner and the workload's pods (`seen`) name the real cause
// of a silence: Skupper writes nothing on a pair whose connector selects no pod yet.
import { HalfKind, halves } from "../halves";
import { halfConfigured } from "../status";
import { connectorUnreported, podCause } from "./explain";
import { Facts, HalfObject } from "./facts";

/** What the cluster showed of the half's surroundings; leave out what could not be read. */
export type Seen = Pick<Facts, "partner" | "pods">;

/**
 * Whether what the cluster shows around the half could change the answer: a connector
 * with no status, or a binding that says its connector is missing.
 */
export function seenMatters(kind: HalfKind, object: HalfObject): boolean {
    if (halfConfigured(kind, object.metadata, object.status)) return false;
    const status = object.status;
    if (kind === "AttachedConnector") return !status?.status && !status?.conditions?.length;
    return status?.message === halves[kind].partnerMissing;
}

/** "" when Skupper has configured the half for its current generation. */
export function waitingFor(kind: HalfKind, object: HalfObject | undefined, seen: Seen = {}): string {
    const half = halves[kind];
    if (!object) return "the object to exist";
    if (halfConfigured(kind, object.metadata, object.status)) return "";
    const status = object.status;
    if (!status?.status && !status?.conditions?.length) {
        if (kind === "AttachedConnectorBinding") {
            return `Skupper to report on it (is there a Skupper Site in namespace '${object.metadata?.namespace}'?)`;
        }
        // With its binding missing, Skupper reports that at once.
        if (seen.partner === null) return partnerMissing(kind, object);
        return unreportedConnector(object, seen, "itself");
    }
    const condition = status.conditions?.find((c) => c.type === "Configured");
    const generation = object.metadata?.generation;
    if (generation && condition?.observedGeneration && condition.observedGeneration < generation) {
        return `Skupper to handle its latest change (generation ${generation}; it last saw ${condition.observedGeneration})`;
    }
    if (connectorUnreported({ kind, object, partner: seen.partner }))
        return unreportedConnector(seen.partner!, seen, "binding");
    if (status.message === half.partnerMissing) return partnerMissing(kind, object);
    return `Skupper to configure it (Skupper says ${[status.status, status.message].filter(Boolean).join(": ")})`;
}

function partnerMissing(kind: HalfKind, object: HalfObject): string {
    const half = halves[kind];
    const partnerNamespace = object.spec?.[half.partnerNamespaceField];
    return `the ${half.partner} '${object.metadata?.name}' in namespace '${partnerNamespace}', which ${halves[half.partner].owner} declares`;
}

/**
 * A connector with no status, seen from itself or from its binding: Skupper reports at
 * once while the binding is missing, and otherwise only once a pod of its selector counts
 * (or never, when no controller watches the connector's namespace).
 */
function unreportedConnector(connector: HalfObject, { pods }: Seen, from: "itself" | "binding"): string {
    const { name, namespace } = connector.metadata ?? {};
    const selector = connector.spec?.selector;
    const pod = `a Running, Ready pod in namespace '${namespace}' matching the selector '${selector}'`;
    const cause = pods && podCause(connector, pods);
    if (cause) return `${pod}, which Skupper needs before it reports on the pair: ${cause}`;
    if (from === "binding") {
        return pods
            ? `Skupper to report on the AttachedConnector '${name}' in namespace '${namespace}', which exists (a Skupper controller must watch that namespace)`
            : `${pod} of the AttachedConnector '${name}', which exists there: Skupper reports on the pair only once there is one (and a Skupper controller watches that namespace)`;
    }
    if (pods) return "Skupper to report on it (a Skupper controller must watch this namespace)";
    const binding = `the AttachedConnectorBinding '${name}' in namespace '${connector.spec?.siteNamespace}'`;
    return `Skupper's first report on it: at once while ${binding} is missing (the site team declares it), otherwise once a pod in namespace '${namespace}' matching the selector '${selector}' is Running and Ready (a Skupper controller must watch this namespace)`;
}
