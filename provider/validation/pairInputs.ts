// Checking the component's arguments as they arrive: which are known now (plain values)
// and which wait for other resources' outputs, the per-half providers, and the default
// object name. The rules themselves are in args.ts and rules.ts.
import * as pulumi from "@pulumi/pulumi";
import { checkPairArgs } from "./args";

/**
 * Checks the arguments but the pending ones, with the resource name as the default
 * object name. A defaulted routing key is the object name, so it needs no check of
 * its own.
 */
export function checkWithDefaults(name: string, values: Record<string, unknown>, pending: string[] = []): string[] {
    const defaulted = values.objectName === undefined;
    const filled = defaulted ? { ...values, objectName: name } : values;
    return checkPairArgs(filled, pending).map((p) =>
        defaulted && p.startsWith("objectName:")
            ? `${p} (objectName defaults to the resource name '${name}'; set objectName)`
            : p,
    );
}

/** The per-half providers, when given, must be provider resources of the kubernetes package. */
export function checkProviders(providers: Record<string, unknown>): string[] {
    return Object.entries(providers)
        .filter(([, p]) => p !== undefined && !isKubernetesProvider(p))
        .map(
            ([field, p]) =>
                `${field}: expected a kubernetes Provider resource, got ${pulumi.Resource.isInstance(p) ? "another resource" : typeof p}`,
        );
}

function isKubernetesProvider(value: unknown): boolean {
    // Duck-typed: a provider may come from another copy of @pulumi/pulumi.
    const getPackage = (value as { getPackage?: () => string } | undefined)?.getPackage;
    return (
        pulumi.CustomResource.isInstance(value) &&
        typeof getPackage === "function" &&
        getPackage.call(value) === "kubernetes"
    );
}

/** A plain value, or a plain map of plain values: something that can be checked now. */
export function isKnown(value: unknown): boolean {
    if (pulumi.Output.isInstance(value) || isPromiseLike(value)) return false;
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
        return Object.values(value).every((v) => !pulumi.Output.isInstance(v) && !isPromiseLike(v));
    }
    return true;
}

function isPromiseLike(value: unknown): boolean {
    return typeof (value as PromiseLike<unknown> | undefined)?.then === "function";
}
