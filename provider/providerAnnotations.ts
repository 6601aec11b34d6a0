// The annotations through which the component (and the policy pack's remediation)
// instructs the Kubernetes provider: wait for Skupper (the provider's own await reads
// them, so no polling code of ours runs), and own every field of both halves.

import { defaultWaitFor, PATCH_FORCE, SKIP_AWAIT, TIMEOUT_SECONDS, WAIT_FOR } from "./constants";

/** Annotations the component manages; a user annotation of the same key is refused. */
export const managedAnnotations: readonly string[] = [WAIT_FOR, TIMEOUT_SECONDS, SKIP_AWAIT, PATCH_FORCE];

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
 * otherwise refuse the update as a field conflict).
 */
export function providerAnnotations(kind: keyof typeof defaultWaitFor, options: AwaitOptions): Record<string, string> {
    return { ...awaitAnnotations(kind, options), [PATCH_FORCE]: "true" };
}

export function awaitAnnotations(kind: keyof typeof defaultWaitFor, options: AwaitOptions): Record<string, string> {
    if (options.skipAwait) return { [SKIP_AWAIT]: "true" };
    const waitFor = kind === "AttachedConnectorBinding" && options.awaitListener
        ? bindingWaitForListener
        : defaultWaitFor[kind];
    return { [WAIT_FOR]: waitFor, [TIMEOUT_SECONDS]: String(options.timeoutSeconds) };
}
