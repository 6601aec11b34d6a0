// The annotations through which the component (and the policy pack's remediation)
// instructs the Kubernetes provider: wait for Skupper (the provider's own await reads
// them, so no polling code of ours runs), own every field of both halves, and delete
// without waiting for the garbage collector.

import { defaultWaitFor, DELETION_PROPAGATION, PATCH_FORCE, SKIP_AWAIT, TIMEOUT_SECONDS, WAIT_FOR } from "./constants";

/** Annotations the component manages; a user annotation of the same key is refused. */
export const managedAnnotations: readonly string[] = [
    WAIT_FOR,
    TIMEOUT_SECONDS,
    SKIP_AWAIT,
    PATCH_FORCE,
    DELETION_PROPAGATION,
];

export const bindingWaitForListener = "condition=Ready";

export const DEFAULT_TIMEOUT_SECONDS = 300;

export interface AwaitOptions {
    skipAwait: boolean;
    awaitListener: boolean;
    timeoutSeconds: number;
}

/**
 * Everything the component sets on a half. The pair is the one declaration of both
 * objects, so a field someone changed by hand is taken back (server-side apply would
 * otherwise refuse the update as a field conflict). Neither half owns other objects
 * (Skupper creates none that name it as owner), so a delete needs no foreground
 * propagation: with it, the provider waits until the garbage collector removes the
 * foregroundDeletion finalizer, which a renamed or moved half's delete and every
 * destroy then wait for, and which takes up to half a minute where the garbage
 * collector has not yet taken up the Skupper kinds.
 */
export function providerAnnotations(kind: keyof typeof defaultWaitFor, options: AwaitOptions): Record<string, string> {
    return { ...awaitAnnotations(kind, options), [PATCH_FORCE]: "true", [DELETION_PROPAGATION]: "background" };
}

export function awaitAnnotations(kind: keyof typeof defaultWaitFor, options: AwaitOptions): Record<string, string> {
    if (options.skipAwait) return { [SKIP_AWAIT]: "true" };
    const waitFor =
        kind === "AttachedConnectorBinding" && options.awaitListener ? bindingWaitForListener : defaultWaitFor[kind];
    return { [WAIT_FOR]: waitFor, [TIMEOUT_SECONDS]: String(options.timeoutSeconds) };
}
