// The annotations through which the components (and the policy pack's remediation)
// instruct the Kubernetes provider: wait for Skupper (the provider's own await reads
// them, so no polling code of ours runs), own every field of the objects, and delete
// without waiting for the garbage collector.
import { DELETION_PROPAGATION, PATCH_FORCE, SKIP_AWAIT, TIMEOUT_SECONDS, WAIT_FOR } from "./constants";

/** Annotations the components manage; a user annotation of the same key is refused. */
export const managedAnnotations: readonly string[] = [
    WAIT_FOR,
    TIMEOUT_SECONDS,
    SKIP_AWAIT,
    PATCH_FORCE,
    DELETION_PROPAGATION,
];

/**
 * How an object waits: for a `pulumi.com/waitFor` expression within a timeout; not at all
 * (`skip`, which also leaves its delete unawaited); or `none`, no await annotation, with
 * which the provider counts a custom resource as ready once it is created.
 */
export type Wait = { waitFor: string; timeoutSeconds: number } | "skip" | "none";

export function awaitAnnotations(wait: Wait): Record<string, string> {
    if (wait === "none") return {};
    if (wait === "skip") return { [SKIP_AWAIT]: "true" };
    return { [WAIT_FOR]: wait.waitFor, [TIMEOUT_SECONDS]: String(wait.timeoutSeconds) };
}

/**
 * Everything a component sets on an object. The component is the one declaration of it,
 * so a field someone changed by hand is taken back (server-side apply would otherwise
 * refuse the update as a field conflict). No Skupper object here owns others, so a
 * delete needs no foreground propagation, with which the provider would wait for the
 * garbage collector to remove its finalizer (up to half a minute).
 */
export function providerAnnotations(wait: Wait): Record<string, string> {
    return { ...awaitAnnotations(wait), [PATCH_FORCE]: "true", [DELETION_PROPAGATION]: "background" };
}
