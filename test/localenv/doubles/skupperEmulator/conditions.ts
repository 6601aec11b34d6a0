// Status conditions as Skupper's API types set them: a condition per aspect (Configured,
// Matched, Running, ...), and the Ready condition with status.status and status.message
// summarising them. Setters report whether anything changed: the controller writes a
// status only then.
import { KubeObject } from "./objects";

export interface Condition {
    type: string;
    status: "True" | "False";
    reason: string;
    message: string;
    lastTransitionTime: string;
    observedGeneration?: number;
}

export interface ConditionState {
    status: "True" | "False";
    reason: string;
    message: string;
}

export const READY: ConditionState = { status: "True", reason: "Ready", message: "OK" };

export function errorState(message: string): ConditionState {
    return { status: "False", reason: "Error", message };
}

export function pendingState(message: string): ConditionState {
    return { status: "False", reason: "Pending", message };
}

/** An error message makes Configured an Error; none makes it Ready. */
export function errorOrReady(error: string | undefined): ConditionState {
    return error === undefined ? READY : errorState(error);
}

/** The conditions each kind's Ready condition waits for. */
export const CONNECTOR_REQUIRES = ["Configured"];
export const BINDING_REQUIRES = ["Configured", "Matched"];
export const LISTENER_REQUIRES = ["Configured", "Matched"];

export function siteRequires(site: KubeObject): string[] {
    const linkAccess = site.spec?.linkAccess;
    const resolutionRequired = Boolean(linkAccess) && linkAccess !== "none";
    return resolutionRequired ? ["Configured", "Running", "Resolved"] : ["Configured", "Running"];
}

function conditionsOf(object: KubeObject): Condition[] {
    object.status ??= {};
    object.status.conditions ??= [];
    return object.status.conditions;
}

/**
 * Sets one condition for the object's current generation. lastTransitionTime moves only
 * when the condition's status flips. True when anything changed.
 */
export function setCondition(object: KubeObject, type: string, state: ConditionState, now: string): boolean {
    const conditions = conditionsOf(object);
    const generation = object.metadata.generation ?? 0;
    const existing = conditions.find((condition) => condition.type === type);
    if (!existing) {
        const added: Condition = { type, ...state, lastTransitionTime: now };
        // observedGeneration is omitted when zero, as the API types serialise it.
        if (generation) added.observedGeneration = generation;
        conditions.push(added);
        return true;
    }
    let changed = false;
    if (existing.status !== state.status) {
        existing.status = state.status;
        existing.lastTransitionTime = now;
        changed = true;
    }
    if (existing.reason !== state.reason) {
        existing.reason = state.reason;
        changed = true;
    }
    if (existing.message !== state.message) {
        existing.message = state.message;
        changed = true;
    }
    if ((existing.observedGeneration ?? 0) !== generation) {
        if (generation) existing.observedGeneration = generation;
        else delete existing.observedGeneration;
        changed = true;
    }
    return changed;
}

/** The first required condition that is missing or False decides; all True makes it Ready. */
function readyState(object: KubeObject, required: string[]): ConditionState {
    const conditions = conditionsOf(object);
    for (const type of required) {
        const condition = conditions.find((c) => c.type === type);
        if (!condition) return pendingState(`Not ${type}`);
        if (condition.status === "False") {
            return { status: "False", reason: condition.reason, message: condition.message };
        }
    }
    return READY;
}

/** status.status, status.message and the Ready condition, from the required conditions. */
export function setReady(object: KubeObject, required: string[], now: string): void {
    const state = readyState(object, required);
    object.status.status = state.reason;
    object.status.message = state.message;
    setCondition(object, "Ready", state, now);
}

/** Sets Configured (Ready, or an Error with the message) and, when it changed, Ready. */
export function setConfigured(object: KubeObject, error: string | undefined, required: string[], now: string): boolean {
    if (!setCondition(object, "Configured", errorOrReady(error), now)) return false;
    setReady(object, required, now);
    return true;
}

export function conditionOf(object: KubeObject, type: string): Condition | undefined {
    return (object.status?.conditions as Condition[] | undefined)?.find((condition) => condition.type === type);
}
