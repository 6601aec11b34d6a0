// TypeScript interfaces read with the compiler API and turned into OpenAPI v3 schemas,
// for the CRDs that the local environment generates from the typed Skupper resources.
import * as ts from "typescript";
import { JSONSchemaProps } from "./customResourceDefinition";

/**
 * A program over `indexFile` and the files it imports by relative path only: package
 * imports (@pulumi/pulumi, @pulumi/kubernetes) stay unresolved, which keeps the program
 * small (lib.es5 and a few files: a few hundred ms) and does not matter for plain
 * data interfaces.
 */
export function createProgram(indexFile: string): ts.Program {
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
export class SchemaReader {
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
