// The one helper of the policy tier: calls the policies the way the pack would, with
// the config defaults of each policy's schema, and returns the violations reported.
import { PolicyResource, ResourceValidationArgs, ResourceValidationPolicy, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import { BINDING_TYPE, CONNECTOR_TYPE } from "../../policy/lib/objects";

export interface Resource {
    type: string;
    props: Record<string, any>;
    name: string;
    urn: string;
}

type Policy = ResourceValidationPolicy | StackValidationPolicy;

let counter = 0;

function resource(type: string, kind: string, namespace: string, name: string | undefined, spec: Record<string, any>, annotations?: Record<string, string>): Resource {
    const resourceName = `${name ?? kind.toLowerCase()}-${++counter}`;
    return {
        type,
        props: { apiVersion: "skupper.io/v2alpha1", kind, metadata: { name, namespace, annotations }, spec },
        name: resourceName,
        urn: `urn:pulumi:test::policy::${type}::${resourceName}`,
    };
}

/** An AttachedConnector in `namespace` named `name` (all fine unless overridden). */
export function connector(namespace: string, name: string | undefined, spec: Record<string, any> = {}, annotations?: Record<string, string>): Resource {
    return resource(CONNECTOR_TYPE, "AttachedConnector", namespace, name,
        { siteNamespace: "west", port: 8080, selector: "app=backend", ...spec }, annotations ?? { "pulumi.com/waitFor": "condition=Ready" });
}

/** An AttachedConnectorBinding in `namespace` named `name` (all fine unless overridden). */
export function binding(namespace: string, name: string | undefined, spec: Record<string, any> = {}, annotations?: Record<string, string>): Resource {
    return resource(BINDING_TYPE, "AttachedConnectorBinding", namespace, name,
        { connectorNamespace: "shop", routingKey: name ?? "key", ...spec }, annotations ?? { "pulumi.com/waitFor": "condition=Configured" });
}

/** A matching pair: connector in shop, binding in west. */
export function pair(name: string, routingKey = name): Resource[] {
    return [connector("shop", name), binding("west", name, { routingKey })];
}

function configOf(policy: Policy, config: object): object {
    const defaults = Object.fromEntries(Object.entries(policy.configSchema?.properties ?? {})
        .filter(([, schema]) => (schema as { default?: unknown }).default !== undefined)
        .map(([key, schema]) => [key, (schema as { default?: unknown }).default]));
    return { ...defaults, ...config };
}

function notApplicable(): never {
    throw new Error("not applicable");
}

function resourceArgs(policy: Policy, r: Resource, config: object): ResourceValidationArgs {
    return {
        ...r,
        opts: {} as ResourceValidationArgs["opts"],
        stackTags: new Map(),
        isType: () => false,
        asType: () => undefined,
        getConfig: <T extends object>() => configOf(policy, config) as T,
        notApplicable,
    };
}

export async function validateResource(policy: ResourceValidationPolicy, r: Resource, config: object = {}): Promise<string[]> {
    const violations: string[] = [];
    const validations = [policy.validateResource ?? []].flat();
    for (const validate of validations) await validate(resourceArgs(policy, r, config), (message) => violations.push(message));
    return violations;
}

export async function remediateResource(policy: ResourceValidationPolicy, r: Resource, config: object = {}): Promise<Record<string, any> | undefined> {
    return (await policy.remediateResource?.(resourceArgs(policy, r, config))) ?? undefined;
}

export interface StackViolation { message: string; urn?: string }

export async function validateStack(policy: StackValidationPolicy, resources: Resource[], config: object = {}): Promise<StackViolation[]> {
    const violations: StackViolation[] = [];
    const args: StackValidationArgs = {
        resources: resources.map((r) => ({ ...r, opts: {}, dependencies: [], propertyDependencies: {}, isType: () => false, asType: () => undefined }) as unknown as PolicyResource),
        stackTags: new Map(),
        getConfig: <T extends object>() => configOf(policy, config) as T,
        notApplicable,
    };
    await policy.validateStack(args, (message, urn) => violations.push({ message, urn }));
    return violations;
}

/** Runs every enabled policy of the pack over a stack; returns `policy: message` lines. */
export async function validatePack(policies: Policy[], resources: Resource[]): Promise<string[]> {
    const violations: string[] = [];
    for (const policy of policies) {
        if (policy.enforcementLevel === "disabled") continue;
        if ("validateStack" in policy) {
            for (const v of await validateStack(policy, resources)) violations.push(`${policy.name}: ${v.message}`);
        } else {
            for (const r of resources) {
                for (const message of await validateResource(policy, r)) violations.push(`${policy.name}: ${message}`);
                if (await remediateResource(policy, r)) violations.push(`${policy.name}: would remediate ${r.name}`);
            }
        }
    }
    return violations;
}
