// A component's arguments as they arrive: the plain values are checked before anything is
// registered, the pending ones (outputs of other resources) once they resolve, and every
// field of the objects is derived on its own, so that in a preview an unknown argument
// leaves the fields that do not use it known (and the policy pack can still check them).
import * as pulumi from "@pulumi/pulumi";
import { ArgumentsError } from "../validation/argumentsError";
import { ArgumentsOf, checkArgs } from "../validation/args";

export class Arguments<Resolved> {
    private readonly pending: string[];
    private readonly checked: pulumi.Output<Resolved> | undefined;
    private readonly now: Resolved;
    private readonly givenNames: string[];

    /**
     * Throws an ArgumentsError for every problem of the known values. `values` are the
     * arguments without the providers; `withDefaults` fills in what is left out.
     */
    constructor(
        of: ArgumentsOf,
        name: string,
        values: Record<string, unknown>,
        withDefaults: (resolved: Record<string, unknown>) => Resolved,
        extraProblems: string[] = [],
    ) {
        this.givenNames = Object.keys(values).filter((k) => values[k] !== undefined);
        this.pending = this.givenNames.filter((k) => !isKnown(values[k]));
        const problems = [...checkWithDefaults(of, name, values, this.pending), ...extraProblems];
        if (problems.length > 0) throw new ArgumentsError(of.component, name, problems);
        this.checked =
            this.pending.length === 0
                ? undefined
                : pulumi.output(values).apply((resolved) => {
                      const late = checkWithDefaults(of, name, resolved);
                      if (late.length > 0) throw new ArgumentsError(of.component, name, late);
                      return withDefaults(resolved);
                  });
        // The pending arguments still hold their outputs here; no field reads them from it.
        this.now = withDefaults(values);
    }

    /** A field derived from the arguments it `uses`: plain when none of them is pending. */
    field<T>(uses: string[], derive: (a: Resolved) => T): pulumi.Input<T> {
        return this.checked && uses.some((arg) => this.pending.includes(arg))
            ? this.checked.apply(derive)
            : derive(this.now);
    }

    /** Whether the argument was given (a default applies otherwise). */
    given(arg: string): boolean {
        return this.givenNames.includes(arg);
    }

    /** The argument itself, with its default. */
    from<K extends keyof Resolved & string>(arg: K): pulumi.Input<Resolved[K]> {
        return this.field([arg], (a) => a[arg]);
    }

    /**
     * For every object of the component: no object may be created before the pending
     * values have passed the checks, even one that uses none of them.
     */
    get checkedFirst(): pulumi.Input<pulumi.Resource[]> | undefined {
        return this.checked?.apply((): pulumi.Resource[] => []);
    }
}

/** The checks with the resource name as the default object name. */
function checkWithDefaults(of: ArgumentsOf, name: string, values: Record<string, unknown>, pending: string[] = []) {
    const defaulted = values.objectName === undefined;
    const filled = defaulted ? { ...values, objectName: name } : values;
    return checkArgs(of, filled, pending).map((p) =>
        defaulted && p.startsWith("objectName:")
            ? `${p} (objectName defaults to the resource name '${name}'; set objectName)`
            : p,
    );
}

/** The providers given as arguments must be provider resources of the kubernetes package. */
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
