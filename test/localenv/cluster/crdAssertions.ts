// Lookups into generated or read CRDs for the tests, each failing with what is missing.
import * as assert from "node:assert/strict";
import { CustomResourceDefinition, JSONSchemaProps } from "./customResourceDefinition";

export const KINDS = [
    "AttachedConnector",
    "AttachedConnectorBinding",
    "Site",
    "Listener",
    "Connector",
    "AccessGrant",
    "AccessToken",
    "Link",
];

export function crdOf(crds: CustomResourceDefinition[], kind: string): CustomResourceDefinition {
    const crd = crds.find((c) => c.spec.names.kind === kind);
    assert.ok(crd, `no CRD for ${kind}`);
    return crd;
}

export function rootOf(crd: CustomResourceDefinition): JSONSchemaProps {
    const root = crd.spec.versions[0].schema?.openAPIV3Schema;
    assert.ok(root, `${crd.spec.names.kind} has no schema`);
    return root;
}

/** The schema at a path such as `spec.port` or `status.conditions[]`. */
export function schemaAt(crd: CustomResourceDefinition, at: string): JSONSchemaProps {
    let schema: JSONSchemaProps | undefined = rootOf(crd);
    for (const part of at.split(".")) {
        const name = part.replace(/\[\]$/, "");
        schema = schema?.properties?.[name];
        if (part.endsWith("[]")) schema = schema?.items;
        assert.ok(schema, `${crd.spec.names.kind} has no ${at}`);
    }
    return schema!;
}
