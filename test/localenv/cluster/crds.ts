// The Skupper CRDs the local control plane installs, generated from this project's own
// typed resource definitions (the `<Kind>Spec` / `<Kind>Status` interfaces in
// provider/crds and the names in provider/constants.ts), so that no file of Skupper's
// has to be committed. The interfaces are read at run time with the TypeScript
// compiler API; skupperCrds.ts lists where they differ from Skupper's own CRDs.
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { SKUPPER_GROUP, SKUPPER_VERSION, SkupperKind, skupperKinds } from "../../../provider/constants";

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
        path.resolve(__dirname, "../../../provider/crds/index.ts"), // test/localenv/cluster (ts-node)
        path.resolve(__dirname, "../../../../provider/crds/index.ts"), // bin/test/localenv/cluster
        path.resolve(__dirname, "../../../provider/crds/index.d.ts"), // bin/test/localenv/cluster, next to bin/provider
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
        moduleNames.map((name) =>
            name.startsWith(".") ? ts.resolveModuleName(name, containingFile, options, host).resolvedModule : undefined,
        );
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
        if (flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown))
            return fail("an untyped value (is an import unresolved?)");
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
                if (indexInfos.length > 1 || !(indexInfos[0].keyType.flags & ts.TypeFlags.String))
                    fail("a map not keyed by string");
                return {
                    type: "object",
                    additionalProperties: this.schemaOf(indexInfos[0].type, `${where}{}`, [...seen, type]),
                };
            }
            const schema: JSONSchemaProps = { type: "object", properties: {} };
            const required: string[] = [];
            for (const property of this.inheritedFirst(type, properties)) {
                const declaration = property.valueDeclaration ?? property.declarations?.[0];
                if (!declaration) fail(`property ${property.name} without a declaration`);
                const propertyType = this.checker.getTypeOfSymbolAtLocation(property, declaration!);
                schema.properties![property.name] = this.schemaOf(
                    propertyType,
                    where ? `${where}.${property.name}` : property.name,
                    [...seen, type],
                );
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
 * Status fields that Skupper's CRDs declare but Skupper 2.2.1 never writes, so the types
 * leave them out; the CRDs installed here must still be Skupper's.
 */
const declaredOnly: Partial<Record<SkupperKind, Record<string, JSONSchemaProps>>> = {
    AttachedConnector: {
        selectedPods: {
            type: "array",
            items: { type: "object", properties: { name: stringSchema(), ip: stringSchema() } },
        },
    },
};

function withDeclaredOnly(crd: CustomResourceDefinition): CustomResourceDefinition {
    const extra = declaredOnly[crd.spec.names.kind as SkupperKind];
    const status = crd.spec.versions[0].schema?.openAPIV3Schema?.properties?.status;
    if (extra && status) status.properties = { ...status.properties, ...extra };
    return crd;
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
                versions: [
                    {
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
                    },
                ],
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
    cached ??= generateCrdsFrom(crdsIndexFile()).map(withDeclaredOnly);
    return structuredClone(cached);
}
