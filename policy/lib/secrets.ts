// Secrets as a remediation receives them. The engine sends the pack a resource's secret
// inputs marked as secrets. @pulumi/policy (1.21) unwraps them before a validation or a
// stack validation runs, so those see a secret and a plain value alike; a remediation's
// props unwrap them on reading too (`props.spec.code` is the plain value), but their
// properties still hold them as Secret objects, which a property descriptor shows. A
// spread of such props would unwrap the secrets at its level, so a remediation copies
// them as they were sent.
import { Secret } from "@pulumi/policy";

/** A property as the engine sent it: a Secret when the program marked it secret. */
export function sentValue(object: object, key: string): unknown {
    return Object.getOwnPropertyDescriptor(object, key)?.value;
}

export function isSentSecret(object: object, key: string): boolean {
    return sentValue(object, key) instanceof Secret;
}

/** A shallow copy that keeps the secrets among its properties secret. */
export function copyAsSent(object: object): Record<string, unknown> {
    return Object.fromEntries(Object.keys(object).map((key) => [key, sentValue(object, key)]));
}

export { Secret };
