// Why a half did not become ready, in one sentence, from what the cluster says (facts.ts):
// the Kubernetes provider's own timeout error says only "timed out waiting for the
// condition", and Skupper's status often names a symptom ("Not ready") rather than the
// cause (a selector that matches no pod), so the causes are looked for in the cluster
// first, and Skupper's words are quoted with them.
import { halves } from "../halves";
import { Facts, HalfObject, PodFacts } from "./facts";
import { suggestLabel } from "./suggestLabel";

export function explain(facts: Facts): string {
    const { kind, object } = facts;
    if (!object) return "the object does not exist (it was not created, or was deleted)";
    const wanted = facts.waitFor.replace(/^condition=/, "");
    const status = object.status;
    const condition = status?.conditions?.find((c) => c.type === wanted);
    const generation = object.metadata?.generation;
    const says = skupperSays(object, wanted);
    if (condition?.status === "True" && generation && (condition.observedGeneration ?? generation) < generation) {
        return `Skupper has not yet handled its latest change (generation ${generation}; it last saw ${condition.observedGeneration})`;
    }
    const configured = status?.conditions?.find((c) => c.type === "Configured")?.status === "True";
    if (kind === "AttachedConnectorBinding" && wanted === "Ready" && configured && !status?.hasMatchingListener) {
        return `no listener with routing key '${object.spec?.routingKey}' exists in the Skupper network yet (awaitListener is set; ${says})`;
    }
    const cause = causeInCluster(facts);
    // Skupper's words on the binding are from before the connector came: leave them out.
    const quoted = connectorUnreported(facts) ? "" : says;
    const text = cause ? (quoted ? `${cause} (${quoted})` : cause) : says || noStatus(facts);
    return text + siteNote(facts);
}

/** More than one Site in the site namespace: Skupper uses one, which may not be the one meant. */
function siteNote({ sites, kind, namespace, object }: Facts): string {
    if (!sites || sites.length < 2) return "";
    const siteNamespace = kind === "AttachedConnectorBinding" ? namespace : object?.spec?.siteNamespace;
    return `; note that namespace '${siteNamespace}' has ${sites.length} Skupper Sites (${sites.map((s) => s.name).join(", ")}), of which Skupper uses one`;
}

/** Skupper's status in its own words, with the awaited condition; "" when it wrote none. */
function skupperSays(object: HalfObject, wanted: string): string {
    const status = object.status;
    if (!status || !hasStatus(object)) return "";
    const condition = status.conditions?.find((c) => c.type === wanted);
    const detail = condition?.message && condition.message !== status.message ? `: ${condition.message}` : "";
    const text = [status.status, status.message].filter(Boolean).join(": ");
    return `Skupper says ${text}${condition ? ` (${wanted} is ${condition.status}${detail})` : ""}`;
}

/** The first cause the cluster shows, from the site namespace to the workload's pods. */
function causeInCluster(facts: Facts): string | undefined {
    const { kind, name, sites, partner, pods } = facts;
    const half = halves[kind];
    const siteNamespace = kind === "AttachedConnectorBinding" ? facts.namespace : facts.object?.spec?.siteNamespace;
    if (sites?.length === 0) {
        return `namespace '${siteNamespace}' has no Skupper Site: Skupper handles attached connectors only through the Site of the site namespace; create one there`;
    }
    if (partner === null) {
        const partnerNamespace = facts.object?.spec?.[half.partnerNamespaceField];
        return `the ${half.partner} '${name}' does not exist in namespace '${partnerNamespace}' (${half.partnerNamespaceField}): ${halves[half.partner].owner} must create it`;
    }
    const connector = kind === "AttachedConnector" ? facts.object : partner;
    const podProblem = connector && pods ? podCause(connector, pods) : undefined;
    const unreported = connectorUnreported(facts);
    // Skupper writes nothing on a pair whose connector selects no pod yet: the pods first.
    if (podProblem && unreported) {
        return `${podProblem}; the AttachedConnector '${name}' exists in namespace '${partner?.metadata?.namespace}', but Skupper reports on the pair only once a pod counts, so the binding still says that the connector is missing`;
    }
    if (podProblem) return podProblem;
    if (unreported) {
        return `the AttachedConnector '${name}' in namespace '${partner?.metadata?.namespace}' has no status: no Skupper controller watches that namespace. ${WATCH_BOTH}`;
    }
    return undefined;
}

function hasStatus(object: HalfObject): boolean {
    return Boolean(object.status?.status || object.status?.conditions?.length);
}

/**
 * The binding still says its connector is missing, while the connector exists with no
 * status: Skupper has not reported on the pair since the connector came.
 */
export function connectorUnreported({ kind, object, partner }: Pick<Facts, "kind" | "object" | "partner">): boolean {
    return (
        kind === "AttachedConnectorBinding" &&
        Boolean(partner) &&
        !hasStatus(partner!) &&
        object?.status?.message === halves.AttachedConnectorBinding.partnerMissing
    );
}

/** Why the connector's selector gives Skupper no pod to route to; undefined when some pod counts. */
export function podCause(connector: HalfObject, pods: { all: PodFacts[]; matching: PodFacts[] }): string | undefined {
    const selector = connector.spec?.selector ?? "";
    const namespace = connector.metadata?.namespace;
    if (pods.matching.length === 0) {
        if (pods.all.length === 0)
            return `no pod runs in namespace '${namespace}', so none matches the selector '${selector}'`;
        const meant = suggestLabel(selector, pods.all);
        return `no pod in namespace '${namespace}' matches the selector '${selector}'; the pods there carry ${describeLabels(pods.all)}${meant ? `; did you mean '${meant}'?` : ""}`;
    }
    const anyReadiness = connector.spec?.includeNotReadyPods === true;
    const counted = pods.matching.filter((p) => p.phase === "Running" && !p.deleting && (p.ready || anyReadiness));
    if (counted.length > 0) return undefined;
    const states = count(
        pods.matching.map((p) =>
            p.deleting ? "being deleted" : p.phase === "Running" && !p.ready ? "Running but not Ready" : p.phase,
        ),
    );
    return (
        `${pods.matching.length} pod${pods.matching.length === 1 ? "" : "s"} in namespace '${namespace}' match the selector '${selector}', ` +
        `but none is Running and Ready (${states}); Skupper routes only to Running, Ready pods` +
        (anyReadiness ? "" : " (includeNotReadyPods also counts pods that are Running but not Ready)")
    );
}

/** A few pods with a few labels each: `backend-1 (app=cart, tier=web)`. */
function describeLabels(pods: PodFacts[]): string {
    const shown = pods.slice(0, 3).map((p) => {
        const labels = Object.entries(p.labels);
        const text = labels.slice(0, 4).map(([k, v]) => `${k}=${v}`);
        if (labels.length > 4) text.push("...");
        return `${p.name} (${text.join(", ") || "no labels"})`;
    });
    if (pods.length > 3) shown.push(`and ${pods.length - 3} more`);
    return shown.join(", ");
}

function count(values: string[]): string {
    const counts = new Map<string, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    return [...counts].map(([v, n]) => `${n} ${v}`).join(", ");
}

/** Neither the half nor anything the cluster shows explains it: no controller wrote a status. */
function noStatus(facts: Facts): string {
    const { kind, object, partner, sites } = facts;
    const connectorNamespace = kind === "AttachedConnector" ? facts.namespace : object?.spec?.connectorNamespace;
    const siteNamespace = kind === "AttachedConnectorBinding" ? facts.namespace : object?.spec?.siteNamespace;
    const site = sites?.[0];
    const where =
        site && !site.status?.status && !site.status?.conditions?.length
            ? `no Skupper controller watches namespace '${siteNamespace}' (its Site '${site.name}' has no status either)`
            : `no Skupper controller handles namespaces '${connectorNamespace}' and '${siteNamespace}'`;
    const partnerSilent = partner && !partner.status?.status ? "; its partner has none either" : "";
    return `Skupper wrote no status on it${partnerSilent}: ${where}. ${WATCH_BOTH}`;
}

const WATCH_BOTH =
    "Skupper's controller must run cluster-wide, or watch both namespaces (a controller scoped to the site namespace never sees the connector)";
