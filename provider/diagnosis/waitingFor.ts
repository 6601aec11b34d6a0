// What one team's half waits for, in a sentence, from the status Skupper reports on it
// now: the other team's half above all, which Skupper names only by its kind.
import { HalfKind, halves } from "../halves";
import { halfConfigured } from "../status";
import { HalfObject } from "./facts";

/** "" when Skupper has configured the half for its current generation. */
export function waitingFor(kind: HalfKind, object: HalfObject | undefined): string {
    const half = halves[kind];
    if (!object) return "the object to exist";
    if (halfConfigured(kind, object.metadata, object.status)) return "";
    const partnerNamespace = object.spec?.[half.partnerNamespaceField];
    const status = object.status;
    if (!status?.status && !status?.conditions?.length) {
        return kind === "AttachedConnectorBinding"
            ? `Skupper to report on it (is there a Skupper Site in namespace '${object.metadata?.namespace}'?)`
            : "Skupper to report on it (a Skupper controller must watch this namespace)";
    }
    const condition = status.conditions?.find((c) => c.type === "Configured");
    const generation = object.metadata?.generation;
    if (generation && condition?.observedGeneration && condition.observedGeneration < generation) {
        return `Skupper to handle its latest change (generation ${generation}; it last saw ${condition.observedGeneration})`;
    }
    if (status.message === half.partnerMissing) {
        return `the ${half.partner} '${object.metadata?.name}' in namespace '${partnerNamespace}', which ${halves[half.partner].owner} declares`;
    }
    return `Skupper to configure it (Skupper says ${[status.status, status.message].filter(Boolean).join(": ")})`;
}
