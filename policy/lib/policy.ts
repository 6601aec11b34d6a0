import {
    EnforcementLevel,
    PolicyConfigSchema,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
} from "@pulumi/policy";
import { Kind, readObject, SkupperObject } from "./objects";

export interface AttachedPolicyDefinition<Config> {
    name: string;
    description: string;
    enforcementLevel: EnforcementLevel;
    configSchema?: PolicyConfigSchema;
    /** The kinds the policy looks at. */
    kinds: Kind[];
    check: (object: SkupperObject, config: Config, report: ReportViolation) => void;
    remediate?: (object: SkupperObject, props: Record<string, any>, config: Config) => Record<string, any> | undefined;
}

/** A resource policy over AttachedConnectors and/or AttachedConnectorBindings. */
export function attachedPolicy<Config extends object = Record<string, never>>(
    definition: AttachedPolicyDefinition<Config>,
): ResourceValidationPolicy {
    const objectOf = (args: ResourceValidationArgs) => {
        const object = readObject(args);
        return object && definition.kinds.includes(object.kind) ? object : undefined;
    };
    const policy: ResourceValidationPolicy = {
        name: definition.name,
        description: definition.description,
        enforcementLevel: definition.enforcementLevel,
        configSchema: definition.configSchema,
        validateResource: (args, report) => {
            const object = objectOf(args);
            if (object) definition.check(object, args.getConfig<Config>(), report);
        },
    };
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
