// The Skupper CRDs the local control plane installs, generated from this project's own
// typed resource definitions (the `<Kind>Spec` / `<Kind>Status` interfaces in
// provider/crds and the names in provider/constants.ts), so that no file of Skupper's
// has to be committed. The interfaces are read at run time with the TypeScript
// compiler API; `compareCrds` lists where they differ from Skupper's own CRDs.
import * as fs from "node:fs";
import * as path from "node:path";
import { loadAll } from "js-yaml";
import * as ts from "typescript";
import { SKUPPER_GROUP, SKUPPER_VERSION, SkupperKind, skupperKinds } from "../../provider/constants";

/** The part of an OpenAPI v3 schema that CRDs use here. */
export interface JSONSchemaProps {
    type?: string;
    description?: string;
    format?: string;
    enum?: unknown[];
    properties?: Record<string, JSONSchemaProps>;
    required?: string[];
    items?: JSONSchemaProps;
    additionalProperties?: JSONSchemaProps | boolean;
}

export interface CustomResourceDefinitionVersion {
    name: string;
    served: boolean;
    storage: boolean;
    schema?: { openAPIV3Schema?: JSONSchemaProps };
    subresources?: { status?: Record<string, never>; scale?: unknown };
    additionalPrinterColumns?: unknown[];
}

/**
 * An apiextensions.k8s.io/v1 CustomResourceDefinition (the fields used here). A type
 * alias, not an interface, so that it is assignable to `{ [field: string]: unknown }`
 * (e.g. a Kubernetes client's generic object type).
 */
export type CustomResourceDefinition = {
    apiVersion: string;
    kind: string;
    metadata: { name: string };
    spec: {
        group: string;
        names: { kind: string; listKind?: string; plural: string; singular?: string; shortNames?: string[] };
        scope: string;
        versions: CustomResourceDefinitionVersion[];
    };
};

const kinds = Object.keys(skupperKinds) as SkupperKind[];

// ---------------------------------------------------------------------------------------
// Generation

/** provider/crds/index.ts from the sources, or its declarations when run from bin/. */
function crdsIndexFile(): string {
    const candidates = [
        path.resolve(__dirname, "../../provider/crds/index.ts"), // localenv/cluster (ts-node)
        path.resolve(__dirname, "../../../provider/crds/index.ts"), // bin/localenv/cluster
        path.resolve(__dirname, "../../provider/crds/index.d.ts"), // bin/localenv/cluster, next to bin/provider
    ];
    const found = candidates.find((file) => fs.existsSync(file));
    if (!found) throw new Error(`cannot find the typed Skupper resources (looked for ${candidates.join(", ")})`);
    return found;
}

/**
 * A program over `indexFile` and the files it imports by relative path only: package
 * imports (@pulumi/pulumi, @pulumi/kubernetes) stay unresolved, which keeps the program
 * small (lib.es5 and a few files: a few hundred ms) and does not matter for plain
 * data interfaces.
 */
function createProgram(indexFile: string): ts.Program {
    const options: ts.CompilerOptions = {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.CommonJS,
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: [],
        lib: ["lib.es5.d.ts"],
    };
    const host = ts.createCompilerHost(options, true);
    host.resolveModuleNames = (moduleNames, containingFile) =>
        moduleNames.map((name) => (name.startsWith(".")
            ? ts.resolveModuleName(name, containingFile, options, host).resolvedModule
            : undefined));
    return ts.createProgram({ rootNames: [indexFile], options, host });
}

/** Reads the named interfaces and turns TypeScript types into OpenAPI schemas. */
class SchemaReader {
    private readonly checker: ts.TypeChecker;
    private readonly exports = new Map<string, ts.Symbol>();

    constructor(program: ts.Program, indexFile: string) {
        this.checker = program.getTypeChecker();
        const source = program.getSourceFile(indexFile);
        const moduleSymbol = source && this.checker.getSymbolAtLocation(source);
        if (!moduleSymbol) throw new Error(`cannot read ${indexFile}`);
        for (const symbol of this.checker.getExportsOfModule(moduleSymbol)) this.exports.set(symbol.name, symbol);
    }

    /** The schema of the exported interface (or type alias) `name`. */
    interfaceSchema(name: string, where: string): JSONSchemaProps {
        let symbol = this.exports.get(name);
        if (!symbol) throw new Error(`${where}: provider/crds exports no ${name}`);
        if (symbol.flags & ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
        return this.schemaOf(this.checker.getDeclaredTypeOfSymbol(symbol), where, []);
    }

    private schemaOf(type: ts.Type, where: string, seen: ts.Type[]): JSONSchemaProps {
        const fail = (what: string): never => {
            throw new Error(`${where}: cannot express ${what} (${this.checker.typeToString(type)}) in a CRD schema`);
        };
        if (seen.includes(type)) fail("a recursive type");
        type = this.checker.getNonNullableType(type);
        const flags = type.flags;

        if (flags & ts.TypeFlags.StringLike && !(flags & ts.TypeFlags.Union)) {
            return type.isStringLiteral() ? { type: "string", enum: [type.value] } : { type: "string" };
        }
        if (flags & ts.TypeFlags.NumberLike && !(flags & ts.TypeFlags.Union)) {
            // Every number in Skupper's CRDs is an integer (ports, counts, generations).
            return type.isNumberLiteral() ? { type: "integer", enum: [type.value] } : { type: "integer" };
        }
        if (flags & ts.TypeFlags.BooleanLike && !(flags & ts.TypeFlags.Union)) return { type: "boolean" };
        if (type.isUnion()) {
            const members = type.types.filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)));
            if (members.every((t) => t.flags & ts.TypeFlags.BooleanLike)) return { type: "boolean" };
            if (members.every((t) => t.isStringLiteral())) {
                return { type: "string", enum: members.map((t) => (t as ts.StringLiteralType).value) };
            }
            if (members.every((t) => t.isNumberLiteral())) {
                return { type: "integer", enum: members.map((t) => (t as ts.NumberLiteralType).value) };
            }
            return fail("a union of different types");
        }
        if (flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return fail("an untyped value (is an import unresolved?)");
        if (this.checker.isTupleType(type)) return fail("a tuple");
        if (this.checker.isArrayType(type)) {
            const [element] = this.checker.getTypeArguments(type as ts.TypeReference);
            return { type: "array", items: this.schemaOf(element, `${where}[]`, [...seen, type]) };
        }
        if (flags & ts.TypeFlags.Object || type.isIntersection()) {
            if (this.checker.getSignaturesOfType(type, ts.SignatureKind.Call).length > 0) return fail("a function");
            const properties = this.checker.getPropertiesOfType(type);
            const indexInfos = this.checker.getIndexInfosOfType(type);
            if (indexInfos.length > 0) {
                // Record<string, T> and { [key: string]: T }: a map.
                if (properties.length > 0) return fail("an object with both properties and an index signature");
                if (indexInfos.length > 1 || !(indexInfos[0].keyType.flags & ts.TypeFlags.String)) fail("a map not keyed by string");
                return { type: "object", additionalProperties: this.schemaOf(indexInfos[0].type, `${where}{}`, [...seen, type]) };
            }
            const schema: JSONSchemaProps = { type: "object", properties: {} };
            const required: string[] = [];
            for (const property of this.inheritedFirst(type, properties)) {
                const declaration = property.valueDeclaration ?? property.declarations?.[0];
                if (!declaration) fail(`property ${property.name} without a declaration`);
                const propertyType = this.checker.getTypeOfSymbolAtLocation(property, declaration!);
                schema.properties![property.name] = this.schemaOf(propertyType, where ? `${where}.${property.name}` : property.name, [...seen, type]);
                if (!(property.flags & ts.SymbolFlags.Optional)) required.push(property.name);
            }
            if (required.length > 0) schema.required = required.sort();
            return schema;
        }
        return fail("this type");
    }

    /** Members that an interface inherits (e.g. from SkupperStatus) before its own ones. */
    private inheritedFirst(type: ts.Type, properties: ts.Symbol[]): ts.Symbol[] {
        const own = new Set<ts.Node>(type.getSymbol()?.declarations ?? []);
        if (own.size === 0) return properties;
        const isOwn = (p: ts.Symbol) => (p.declarations ?? []).some((d) => own.has(d.parent));
        return [...properties.filter((p) => !isOwn(p)), ...properties.filter(isOwn)];
    }
}

function stringSchema(): JSONSchemaProps {
    return { type: "string" };
}

/**
 * The CRDs of the five Skupper kinds typed by the interfaces exported from `indexFile`
 * (`<Kind>Spec` and `<Kind>Status` for each kind of provider/constants.ts). Exported for
 * tests, which point it at interfaces of their own; use `generateCrds` otherwise.
 */
export function generateCrdsFrom(indexFile: string): CustomResourceDefinition[] {
    const reader = new SchemaReader(createProgram(indexFile), indexFile);
    return kinds.map((kind) => {
        const { plural, shortNames } = skupperKinds[kind];
        const spec = reader.interfaceSchema(`${kind}Spec`, `${kind} spec`);
        const status = reader.interfaceSchema(`${kind}Status`, `${kind} status`);
        return {
            apiVersion: "apiextensions.k8s.io/v1",
            kind: "CustomResourceDefinition",
            metadata: { name: `${plural}.${SKUPPER_GROUP}` },
            spec: {
                group: SKUPPER_GROUP,
                names: {
                    kind,
                    listKind: `${kind}List`,
                    plural,
                    singular: kind.toLowerCase(),
                    shortNames: [...shortNames],
                },
                scope: "Namespaced",
                versions: [{
                    name: SKUPPER_VERSION,
                    served: true,
                    storage: true,
                    schema: {
                        openAPIV3Schema: {
                            type: "object",
                            properties: {
                                apiVersion: stringSchema(),
                                kind: stringSchema(),
                                metadata: { type: "object" },
                                spec,
                                status,
                            },
                        },
                    },
                    subresources: { status: {} },
                }],
            },
        };
    });
}

let cached: CustomResourceDefinition[] | undefined;

/**
 * The CRDs of AttachedConnector, AttachedConnectorBinding, Site, Listener and Connector,
 * generated from provider/crds (computed once per process; each call returns a copy).
 */
export function generateCrds(): CustomResourceDefinition[] {
    cached ??= generateCrdsFrom(crdsIndexFile());
    return structuredClone(cached);
}

// ---------------------------------------------------------------------------------------
// Reading and comparing

/** Every CustomResourceDefinition in the `*.yaml` files of `dir` (e.g. Skupper's config/crd/bases). */
export function readCrdFolder(dir: string): CustomResourceDefinition[] {
    const files = fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
    const crds: CustomResourceDefinition[] = [];
    for (const file of files) {
        for (const doc of loadAll(fs.readFileSync(path.join(dir, file), "utf8"))) {
            const crd = doc as CustomResourceDefinition | null;
            if (crd && typeof crd === "object" && crd.kind === "CustomResourceDefinition") crds.push(crd);
        }
    }
    return crds;
}

const OURS = "ours";
const THEIRS = "Skupper's CRD";
/** Properties of the root schema that every object has; not compared. */
const ROOT_IGNORED = new Set(["apiVersion", "kind", "metadata"]);

function show(value: unknown): string {
    if (value === undefined) return "none";
    if (Array.isArray(value)) return `[${value.join(", ")}]`;
    return String(value);
}

/**
 * The differences between our generated CRDs and Skupper's own (`reference`), one
 * readable line each, for the kinds this package types (other kinds in `reference` are
 * ignored). Compared: group, version names, served/storage, kind, plural, singular,
 * shortNames, scope, the status subresource, and every property path of the schema with
 * its type plus every required list. Not compared: descriptions, formats, enums,
 * validations (patterns, lengths, minimums, oneOf), printer columns, listKind (Skupper's
 * files leave it to the API server), and the apiVersion/kind/metadata properties.
 */
export function compareCrds(generated: CustomResourceDefinition[], reference: CustomResourceDefinition[]): string[] {
    const differences: string[] = [];
    const byKind = (crds: CustomResourceDefinition[], kind: string) => crds.find((c) => c?.spec?.names?.kind === kind);
    for (const kind of kinds) {
        const ours = byKind(generated, kind);
        const theirs = byKind(reference, kind);
        if (!ours && !theirs) {
            differences.push(`${kind}: missing in ours and in Skupper's CRDs`);
            continue;
        }
        if (!ours) {
            differences.push(`${kind}: missing in ours`);
            continue;
        }
        if (!theirs) {
            differences.push(`${kind}: missing in Skupper's CRDs`);
            continue;
        }
        differences.push(...compareCrd(kind, ours, theirs));
    }
    return differences;
}

function compareCrd(kind: string, ours: CustomResourceDefinition, theirs: CustomResourceDefinition): string[] {
    const out: string[] = [];
    const field = (name: string, theirValue: unknown, ourValue: unknown) => {
        if (show(theirValue) !== show(ourValue)) out.push(`${kind} ${name}: ${show(theirValue)} in ${THEIRS}, ${show(ourValue)} in ${OURS}`);
    };
    const sorted = (list: string[] | undefined) => (list ? [...list].sort() : undefined);

    field("metadata.name", theirs.metadata?.name, ours.metadata?.name);
    field("group", theirs.spec.group, ours.spec.group);
    field("scope", theirs.spec.scope, ours.spec.scope);
    field("names.kind", theirs.spec.names?.kind, ours.spec.names?.kind);
    field("names.plural", theirs.spec.names?.plural, ours.spec.names?.plural);
    field("names.singular", theirs.spec.names?.singular, ours.spec.names?.singular);
    field("names.shortNames", sorted(theirs.spec.names?.shortNames), sorted(ours.spec.names?.shortNames));

    const ourVersions = ours.spec.versions ?? [];
    const theirVersions = theirs.spec.versions ?? [];
    field("versions", theirVersions.map((v) => v.name), ourVersions.map((v) => v.name));
    // Pair versions by name; a single version on each side is compared even if renamed.
    const pairs: [string, CustomResourceDefinitionVersion, CustomResourceDefinitionVersion][] =
        ourVersions.length === 1 && theirVersions.length === 1
            ? [[ourVersions[0].name, ourVersions[0], theirVersions[0]]]
            : ourVersions.flatMap((o) => {
                const t = theirVersions.find((v) => v.name === o.name);
                return t ? [[o.name, o, t] as [string, CustomResourceDefinitionVersion, CustomResourceDefinitionVersion]] : [];
            });
    const many = ourVersions.length > 1 || theirVersions.length > 1;
    for (const [name, o, t] of pairs) {
        const prefix = many ? `${name} ` : "";
        field(`${prefix}served`, t.served, o.served);
        field(`${prefix}storage`, t.storage, o.storage);
        const hasStatus = (v: CustomResourceDefinitionVersion) => (v.subresources?.status ? "present" : "absent");
        field(`${prefix}status subresource`, hasStatus(t), hasStatus(o));
        compareSchema(kind, prefix, "", o.schema?.openAPIV3Schema, t.schema?.openAPIV3Schema, out);
    }
    return out;
}

function compareSchema(kind: string, prefix: string, at: string, ours: JSONSchemaProps | undefined, theirs: JSONSchemaProps | undefined, out: string[]): void {
    const label = `${kind} ${prefix}${at || "(root)"}`;
    if (!ours && !theirs) return;
    if (!ours) {
        out.push(`${label}: missing in ${OURS}`);
        return;
    }
    if (!theirs) {
        out.push(`${label}: missing in ${THEIRS}`);
        return;
    }
    if (ours.type !== theirs.type) out.push(`${label}: type ${show(theirs.type)} in ${THEIRS}, ${show(ours.type)} in ${OURS}`);

    const ignored = at === "" ? ROOT_IGNORED : new Set<string>();
    const theirRequired = (theirs.required ?? []).filter((r) => !ignored.has(r)).sort();
    const ourRequired = (ours.required ?? []).filter((r) => !ignored.has(r)).sort();
    if (show(theirRequired) !== show(ourRequired)) {
        out.push(`${label}: required ${show(theirRequired)} in ${THEIRS}, ${show(ourRequired)} in ${OURS}`);
    }

    const names = [...Object.keys(theirs.properties ?? {}), ...Object.keys(ours.properties ?? {})]
        .filter((name, i, all) => all.indexOf(name) === i && !ignored.has(name));
    for (const name of names) {
        compareSchema(kind, prefix, at ? `${at}.${name}` : name, ours.properties?.[name], theirs.properties?.[name], out);
    }
    compareSchema(kind, prefix, `${at}[]`, ours.items, theirs.items, out);
    const map = (s: JSONSchemaProps) => (typeof s.additionalProperties === "object" ? s.additionalProperties
        : s.additionalProperties === true ? {} : undefined);
    compareSchema(kind, prefix, `${at}{}`, map(ours), map(theirs), out);
}
