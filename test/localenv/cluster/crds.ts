// The Skupper CRDs the local control plane installs, generated from this project's own
// typed resource definitions (the `<Kind>Spec` / `<Kind>Status` interfaces in
// provider/crds and the names in provider/constants.ts), so that no file of Skupper's
// has to be committed. The interfaces are read at run time with the TypeScript
// compiler API; skupperCrds.ts lists where they differ from Skupper's own CRDs.
import * as fs from "node:fs";
import * as path from "node:path";
import { SKUPPER_GROUP, SKUPPER_VERSION, SkupperKind, skupperKinds } from "../../../provider/constants";
import { CustomResourceDefinition, JSONSchemaProps } from "./customResourceDefinition";
import { createProgram, SchemaReader } from "./schemaReader";

const kinds = Object.keys(skupperKinds) as SkupperKind[];

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
 * The CRDs of the Skupper kinds typed by the interfaces exported from `indexFile`
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
 * The CRDs of AttachedConnector, AttachedConnectorBinding, Site, Listener, Connector,
 * AccessGrant, AccessToken and Link, generated from provider/crds (computed once per process; each call returns a copy).
 */
export function generateCrds(): CustomResourceDefinition[] {
    cached ??= generateCrdsFrom(crdsIndexFile()).map(withDeclaredOnly);
    return structuredClone(cached);
}
