// How the component (and the policy pack's remediation) asks the Kubernetes provider to
// wait for Skupper: the provider's own await reads these annotations, so no polling
// code of ours runs.

import { SKIP_AWAIT, TIMEOUT_SECONDS, WAIT_FOR } from "./constants";

/** Annotations the component manages; a user annotation of the same key is refused. */
export const managedAnnotations: readonly string[] = [WAIT_FOR, TIMEOUT_SECONDS, SKIP_AWAIT];

/**
 * What each half waits for by default. An AttachedConnector is Ready when Skupper has
 * configured it. A binding is only Ready once a listener with its routing key exists
 * somewhere in the network, so by default it waits for Configured.
 */
export const defaultWaitFor = {
    AttachedConnector: "condition=Ready",
    AttachedConnectorBinding: "condition=Configured",
} as const;

export const bindingWaitForListener = "condition=Ready";

export const DEFAULT_TIMEOUT_SECONDS = 300;

export interface AwaitOptions {
    skipAwait: boolean;
    awaitListener: boolean;
    timeoutSeconds: number;
}

export function awaitAnnotations(kind: keyof typeof defaultWaitFor, options: AwaitOptions): Record<string, string> {
    if (options.skipAwait) return { [SKIP_AWAIT]: "true" };
    const waitFor = kind === "AttachedConnectorBinding" && options.awaitListener
        ? bindingWaitForListener
        : defaultWaitFor[kind];
    return { [WAIT_FOR]: waitFor, [TIMEOUT_SECONDS]: String(options.timeoutSeconds) };
}
