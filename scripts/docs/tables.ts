// The generated parts of the docs, as markdown: each component's inputs and outputs from
// provider/schema.json, the pack's policies and their config from the pack itself, and
// which side enforces which rule (enforcement.ts).
import { Policies } from "@pulumi/policy";
import { Enforcement } from "./enforcement";

interface SchemaProperty {
    type?: string;
    $ref?: string;
    items?: SchemaProperty;
    additionalProperties?: SchemaProperty;
    description?: string;
}

interface SchemaResource {
    inputProperties: Record<string, SchemaProperty>;
    requiredInputs?: string[];
    properties: Record<string, SchemaProperty>;
}

export interface Schema {
    resources: Record<string, SchemaResource>;
}

const cell = (text = "") => text.replace(/\|/g, "\\|").replace(/\n+/g, " ");

function typeOf(p: SchemaProperty): string {
    if (p.$ref) {
        if (p.$ref.endsWith("pulumi:providers:kubernetes")) return "kubernetes.Provider";
        return p.$ref.split(":").pop()!;
    }
    if (p.type === "array") return `list of ${typeOf(p.items ?? {})}`;
    if (p.type === "object") return `map of ${typeOf(p.additionalProperties ?? {})}`;
    return p.type ?? "";
}

export function inputsTable(schema: Schema, token: string): string {
    const { inputProperties, requiredInputs = [] } = schema.resources[token];
    const rows = Object.entries(inputProperties).map(
        ([name, p]) =>
            `| \`${name}\` | ${typeOf(p)} | ${requiredInputs.includes(name) ? "yes" : ""} | ${cell(p.description)} |`,
    );
    return ["| input | type | required | meaning |", "|---|---|---|---|", ...rows].join("\n");
}

export function outputsTable(schema: Schema, token: string): string {
    const rows = Object.entries(schema.resources[token].properties).map(
        ([name, p]) => `| \`${name}\` | ${typeOf(p)} | ${cell(p.description)} |`,
    );
    return ["| output | type | meaning |", "|---|---|---|", ...rows].join("\n");
}

export function policiesTable(policies: Policies): string {
    const rows = policies.map((p) => {
        const scope = "validateStack" in p ? " (stack)" : "";
        return `| \`${p.name}\`${scope} | ${p.enforcementLevel} | ${cell(p.description)} |`;
    });
    return ["| policy | level | what it checks |", "|---|---|---|", ...rows].join("\n");
}

export function policyConfigTable(policies: Policies): string {
    const rows = policies.flatMap((p) =>
        Object.entries(p.configSchema?.properties ?? {}).map(([option, s]) => {
            const schema = s as { type?: string; default?: unknown; description?: string };
            return `| \`${p.name}\` | \`${option}\` | ${schema.type ?? ""} | \`${JSON.stringify(schema.default)}\` | ${cell(schema.description)} |`;
        }),
    );
    return ["| policy | option | type | default | meaning |", "|---|---|---|---|---|", ...rows].join("\n");
}

export function enforcementTable(rules: Enforcement[], policies: Policies): string {
    const level = (name: string) => policies.find((p) => p.name === name)?.enforcementLevel;
    const rows = rules.map((r) => {
        const components =
            r.components === "refused"
                ? `refused (${r.fields!.map((f) => `\`${f}\``).join(", ")})`
                : (r.components ?? "");
        const policy = r.policy ? `\`${r.policy}\` (${level(r.policy)})` : "";
        return `| ${r.rule} | ${components} | ${policy} |`;
    });
    return ["| rule | the components | the policy pack |", "|---|---|---|", ...rows].join("\n");
}
