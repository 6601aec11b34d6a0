// The one helper of the policy tier: calls the policies the way the pack would, with
// the config defaults of each policy's schema, the resource's provider, and its props
// as the policy server hands them over (wire.ts), and returns the violations reported
// or the remediation sent back.
import {
    PolicyProviderResource,
    PolicyResource,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
import { linkType } from "../../policy/lib/links";
import { takeUnconfigured } from "../../policy/lib/unconfigured";
import {
    ATTACHED_CONNECTOR_BINDING_TYPE as BINDING_TYPE,
    ATTACHED_CONNECTOR_TYPE as CONNECTOR_TYPE,
    LISTENER_TYPE,
} from "../../provider/constants";
import { secret, sentBack, servedProps, UnknownValueError } from "./wire";

export { asSentToPolicies, secret } from "./wire";

export interface Resource {
    type: string;
    props: Record<string, any>;
    name: string;
    urn: string;
    provider?: PolicyProviderResource;
    /** The URNs of the resources it depends on. */
    dependencies?: string[];
}

type Policy = ResourceValidationPolicy | StackValidationPolicy;

let counter = 0;

function resource(
    type: string,
    kind: string,
    namespace: string | undefined,
    name: string | undefined,
    spec: Record<string, any>,
    annotations?: Record<string, string>,
): Resource {
    const resourceName = `${name ?? kind.toLowerCase()}-${++counter}`;
    return {
        type,
        props: { apiVersion: "skupper.io/v2alpha1", kind, metadata: { name, namespace, annotations }, spec },
        name: resourceName,
        urn: `urn:pulumi:test::policy::${type}::${resourceName}`,
    };
}

/** A builder of one kind: fine unless the spec or the annotations given override it; undefined leaves metadata.namespace out. */
type Builder = (
    namespace: string | undefined,
    name: string | undefined,
    spec?: Record<string, any>,
    annotations?: Record<string, string>,
) => Resource;

function builder(
    type: string,
    kind: string,
    fineSpec: (name: string | undefined) => Record<string, any>,
    fineAnnotations: Record<string, string> = {},
): Builder {
    return (namespace, name, spec = {}, annotations) =>
        resource(type, kind, namespace, name, { ...fineSpec(name), ...spec }, annotations ?? fineAnnotations);
}

/** An AttachedConnector in `namespace` named `name`, selecting app=backend on port 8080 for site namespace "west". */
export const connector = builder(CONNECTOR_TYPE, "AttachedConnector", () => ({
    siteNamespace: "west",
    port: 8080,
    selector: "app=backend",
}));

/** An AttachedConnectorBinding in `namespace` named `name` for connector namespace "shop", awaited as the pack wants. */
export const binding = builder(
    BINDING_TYPE,
    "AttachedConnectorBinding",
    (name) => ({ connectorNamespace: "shop", routingKey: name ?? "key" }),
    { "pulumi.com/waitFor": "condition=Configured" },
);

/** A Listener in `namespace` named `name`, consuming routing key `name`. */
export const listener = builder(LISTENER_TYPE, "Listener", (name) => ({
    routingKey: name ?? "key",
    host: name ?? "listener",
    port: 8080,
}));

/** An AccessGrant in `namespace` named `name`, leaving every field to Skupper's defaults. */
export const grant = builder(linkType("AccessGrant"), "AccessGrant", () => ({}));

/** An AccessToken in `namespace` named `name`, for the grant of that name at an https:// URL, its code secret. */
export const token = builder(linkType("AccessToken"), "AccessToken", (name) => ({
    url: `https://grants.example:8081/${name ?? "grant"}`,
    code: secret("a-grant-code"),
    ca: "-----BEGIN CERTIFICATE-----",
}));

/** A Link in `namespace` named `name`, as Skupper makes one of a redeemed token. */
export const link = builder(linkType("Link"), "Link", () => ({
    endpoints: [{ name: "inter-router", host: "east.example", port: "55671", group: "skupper-router" }],
    tlsCredentials: "east-link",
}));

/** The resource as created by a Kubernetes provider whose props are `providerProps`. */
export function withProvider(r: Resource, providerProps: Record<string, unknown>): Resource {
    const name = `k8s-${++counter}`;
    const provider = {
        type: "pulumi:providers:kubernetes",
        props: providerProps,
        name,
        urn: `urn:pulumi:test::policy::pulumi:providers:kubernetes::${name}`,
    };
    return { ...r, provider };
}

/** A matching pair: connector in shop, binding in west, which waits for Configured after its connector. */
export function pair(name: string, routingKey = name): Resource[] {
    const c = connector("shop", name);
    return [c, { ...binding("west", name, { routingKey }), dependencies: [c.urn] }];
}

function configOf(policy: Policy, config: object): object {
    const defaults = Object.fromEntries(
        Object.entries(policy.configSchema?.properties ?? {})
            .filter(([, schema]) => (schema as { default?: unknown }).default !== undefined)
            .map(([key, schema]) => [key, (schema as { default?: unknown }).default]),
    );
    return { ...defaults, ...config };
}

function notApplicable(): never {
    throw new Error("not applicable");
}

function served<T extends Resource>(r: T, proxySecrets = false): T {
    const provider = r.provider && { ...r.provider, props: servedProps(r.provider.props, false) };
    return { ...r, props: servedProps(r.props, proxySecrets), provider };
}

/** Runs one validation; a read of an unknown value is reported as the server does, as "can't run". */
async function run(validation: () => unknown, violations: string[]): Promise<void> {
    try {
        await validation();
    } catch (e) {
        if (!(e instanceof UnknownValueError)) throw e;
        violations.push(`can't run during preview: ${e.message}`);
    }
}

function resourceArgs(policy: Policy, r: Resource, config: object, proxySecrets = false): ResourceValidationArgs {
    return {
        ...served(r, proxySecrets),
        opts: {} as ResourceValidationArgs["opts"],
        stackTags: new Map(),
        isType: () => false,
        asType: () => undefined,
        getConfig: <T extends object>() => configOf(policy, config) as T,
        notApplicable,
    };
}

export async function validateResource(
    policy: ResourceValidationPolicy,
    r: Resource,
    config: object = {},
): Promise<string[]> {
    const violations: string[] = [];
    const validations = [policy.validateResource ?? []].flat();
    for (const validate of validations) {
        await run(() => validate(resourceArgs(policy, r, config), (message) => violations.push(message)), violations);
    }
    return violations;
}

/** The remediated props as the policy server sends them to the engine (secrets as secret()), or undefined. */
export async function remediateResource(
    policy: ResourceValidationPolicy,
    r: Resource,
    config: object = {},
): Promise<Record<string, any> | undefined> {
    let remediated: Record<string, any> | undefined;
    await run(async () => {
        remediated = (await policy.remediateResource?.(resourceArgs(policy, r, config, true))) ?? undefined;
    }, []);
    return remediated && sentBack(remediated);
}

export interface StackViolation {
    message: string;
    urn?: string;
}

export async function validateStack(
    policy: StackValidationPolicy,
    resources: Resource[],
    config: object = {},
): Promise<StackViolation[]> {
    const violations: StackViolation[] = [];
    const args: StackValidationArgs = {
        resources: resources.map(
            (r) =>
                ({
                    ...served(r),
                    opts: {},
                    dependencies: (r.dependencies ?? []).map((urn) => ({ urn })),
                    propertyDependencies: {},
                    isType: () => false,
                    asType: () => undefined,
                }) as unknown as PolicyResource,
        ),
        stackTags: new Map(),
        getConfig: <T extends object>() => configOf(policy, config) as T,
        notApplicable,
    };
    const cannotRun: string[] = [];
    await run(() => policy.validateStack(args, (message, urn) => violations.push({ message, urn })), cannotRun);
    return [...violations, ...cannotRun.map((message) => ({ message }))];
}

/** Starts a new run of the pack, as a new policy server process would: nothing noted yet. */
export function newRun(): void {
    takeUnconfigured();
}

/** Runs every enabled policy of the pack over a stack, as one run; returns `policy: message` lines. */
export async function validatePack(policies: Policy[], resources: Resource[]): Promise<string[]> {
    newRun();
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
