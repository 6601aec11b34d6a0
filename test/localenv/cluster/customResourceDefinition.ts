// The shape of an apiextensions.k8s.io/v1 CustomResourceDefinition, as far as the local
// environment generates, installs and compares Skupper's.
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
