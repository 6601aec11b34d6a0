import { Condition, SkupperStatus } from "./crds";
import { HalfKind } from "./halves";

/** Skupper's `status.status` (Pending, Ready or Error), or "" when none was reported. */
export function statusText(status: SkupperStatus | undefined): string {
    return status?.status ?? "";
}

export function statusMessage(status: SkupperStatus | undefined): string {
    return status?.message ?? "";
}

/** The conditions, each with every field present so that other languages see one shape. */
export function conditionsOf(status: SkupperStatus | undefined): Condition[] {
    return (status?.conditions ?? []).map((c) => ({
        type: c.type ?? "",
        status: c.status ?? "",
        reason: c.reason ?? "",
        message: c.message ?? "",
        lastTransitionTime: c.lastTransitionTime ?? "",
        observedGeneration: c.observedGeneration ?? 0,
    }));
}

/**
 * True when the named condition is True and was observed for the object's current
 * generation (Skupper stamps observedGeneration; a stale True does not count).
 */
export function conditionHolds(
    status: SkupperStatus | undefined,
    type: string,
    generation: number | undefined,
): boolean {
    const condition = status?.conditions?.find((c) => c.type === type);
    if (condition?.status !== "True") return false;
    if (generation && condition.observedGeneration && condition.observedGeneration < generation) return false;
    return true;
}

/**
 * Whether Skupper has configured the half for its current generation: a connector's
 * Ready, a binding's Configured (its Ready needs a listener as well).
 */
export function halfConfigured(
    kind: HalfKind,
    object: { generation?: number } | undefined,
    status: SkupperStatus | undefined,
): boolean {
    return conditionHolds(status, kind === "AttachedConnector" ? "Ready" : "Configured", object?.generation);
}
