import {
    EnforcementLevel,
    PolicyConfigSchema,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
} from "@pulumi/policy";
import { readLinkObject } from "./links";
import { readListener } from "./listeners";
import { Kind, ObjectKind, readObject, SkupperObject } from "./objects";

/** The object a policy over `K` receives: one member per kind, so a check can tell them apart by `kind`. */
export type ObjectOf<K extends ObjectKind> = K extends ObjectKind ? SkupperObject<K> : never;

export interface AttachedPolicyDefinition<Config, K extends ObjectKind> {
    name: string;
    description: string;
    enforcementLevel: EnforcementLevel;
    configSchema?: PolicyConfigSchema;
    /** The kinds the policy looks at. */
    kinds: K[];
    /** The validation; a policy without one only remediates. */
    check?: (object: ObjectOf<K>, config: Config, report: ReportViolation) => void;
    remediate?: (object: ObjectOf<K>, props: Record<string, any>, config: Config) => Record<string, any> | undefined;
}

/** A resource policy over AttachedConnectors, AttachedConnectorBindings, Listeners and/or the link kinds. */
export function attachedPolicy<Config extends object = Record<string, never>, K extends ObjectKind = Kind>(
    definition: AttachedPolicyDefinition<Config, K>,
): ResourceValidationPolicy {
    const kinds: readonly ObjectKind[] = definition.kinds;
    const objectOf = (args: ResourceValidationArgs) => {
        const object = readObject(args) ?? readListener(args) ?? readLinkObject(args);
        return object && kinds.includes(object.kind) ? (object as ObjectOf<K>) : undefined;
    };
    const policy: ResourceValidationPolicy = {
        name: definition.name,
        description: definition.description,
        enforcementLevel: definition.enforcementLevel,
        configSchema: definition.configSchema,
    };
    const check = definition.check;
    if (check) {
        policy.validateResource = (args, report) => {
            const object = objectOf(args);
            if (object) check(object, args.getConfig<Config>(), report);
        };
    }
    const remediate = definition.remediate;
    if (remediate) {
        policy.remediateResource = (args) => {
            const object = objectOf(args);
            return object ? remediate(object, args.props, args.getConfig<Config>()) : undefined;
        };
    }
    return policy;
}

/** `*` matches any run of characters, `?` one character; everything else is literal. */
export function globMatches(pattern: string, value: string): boolean {
    const source = pattern
        .replace(/[.+^${}()|[\]\\]/g, "\\$&")
        .replace(/\*/g, ".*")
        .replace(/\?/g, ".");
    return new RegExp(`^${source}$`).test(value);
}
