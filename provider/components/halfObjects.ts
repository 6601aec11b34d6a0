// The two Skupper objects as the components declare them, from their checked arguments:
// the metadata and spec of each half. The pair, and each team's half alone, build their
// objects here, so the names, cross-references and routing key follow one set of rules.
import * as pulumi from "@pulumi/pulumi";
import { createHash } from "node:crypto";
import { AttachedConnectorArgs, AttachedConnectorBindingArgs, AttachedConnectorSpec } from "../crds";
import { CONNECTOR_DIGEST_SETTING, halves, HalfKind } from "../halves";
import { providerAnnotations, Wait } from "../providerAnnotations";
import { Arguments } from "./arguments";

/** The resolved arguments both halves are made of, with their defaults filled in. */
export interface ObjectFields {
    objectName: string;
    connectorNamespace: string;
    siteNamespace: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
}

export interface ConnectorFields extends ObjectFields, Omit<AttachedConnectorSpec, "siteNamespace" | "settings"> {
    connectorSettings?: Record<string, string>;
}

export interface BindingFields extends ObjectFields {
    routingKey: string;
    exposePodsByName?: boolean;
    bindingSettings?: Record<string, string>;
}

/** Argument names, where a component names an argument otherwise than the fields above. */
export type Renamed = Partial<Record<"connectorSettings" | "bindingSettings", string>>;

function metadata<F extends ObjectFields>(a: Arguments<F>, kind: HalfKind, wait: (a: F) => Wait, waitUses: string[]) {
    return {
        name: a.from("objectName"),
        namespace: a.from(halves[kind].namespaceArgument),
        // An output that resolves to undefined leaves labels out, as undefined does.
        labels: a.from("labels") as pulumi.Input<Record<string, string>> | undefined,
        annotations: a.field(["annotations", ...waitUses], (f) => ({
            ...f.annotations,
            ...providerAnnotations(wait(f)),
        })),
    };
}

/** Every connector field but the metadata; an argument's name is the field's unless `renamed`. */
const connectorSpecFields = <F extends ConnectorFields>(a: Arguments<F>, renamed: Renamed) => ({
    siteNamespace: a.from("siteNamespace"),
    port: a.from("port"),
    selector: a.from("selector"),
    tlsCredentials: a.from("tlsCredentials"),
    useClientCert: a.from("useClientCert"),
    type: a.from("type"),
    includeNotReadyPods: a.from("includeNotReadyPods"),
    settings: a.field([renamed.connectorSettings ?? "connectorSettings"], (f) => f.connectorSettings),
});

export function connectorArgs<F extends ConnectorFields>(
    a: Arguments<F>,
    wait: (f: F) => Wait,
    waitUses: string[],
    renamed: Renamed = {},
): AttachedConnectorArgs {
    return { metadata: metadata(a, "AttachedConnector", wait, waitUses), spec: connectorSpecFields(a, renamed) };
}

/**
 * The binding's args. With `digestOf`, the connector's spec is digested into the binding's
 * settings (see CONNECTOR_DIGEST_SETTING), so a change of the connector alone changes the
 * binding's generation and its wait is for that change too.
 */
export function bindingArgs<F extends BindingFields>(
    a: Arguments<F>,
    wait: (f: F) => Wait,
    waitUses: string[],
    renamed: Renamed = {},
    digestOf?: { connector: Arguments<F & ConnectorFields>; uses: string[] },
): AttachedConnectorBindingArgs {
    const settingsArgument = renamed.bindingSettings ?? "bindingSettings";
    const own = a.field([settingsArgument], (f) => f.bindingSettings);
    const digest = digestOf?.connector.field(digestOf.uses, connectorDigest);
    // The user's settings stay known in a preview where only the digest is not (the
    // policy pack reads them).
    const settings =
        digest === undefined
            ? own
            : pulumi.Output.isInstance(own)
              ? pulumi.all([own, digest]).apply(([o, d]) => ({ ...o, [CONNECTOR_DIGEST_SETTING]: d }))
              : { ...own, [CONNECTOR_DIGEST_SETTING]: digest };
    return {
        metadata: metadata(a, "AttachedConnectorBinding", wait, waitUses),
        spec: {
            connectorNamespace: a.from("connectorNamespace"),
            routingKey: a.field([a.given("routingKey") ? "routingKey" : "objectName"], (f) => f.routingKey),
            exposePodsByName: a.from("exposePodsByName"),
            settings,
        },
    };
}

/** Every argument of the pair that the connector's namespace and spec are made of. */
export const connectorDigestUses = [
    "connectorNamespace",
    "siteNamespace",
    "port",
    "selector",
    "tlsCredentials",
    "useClientCert",
    "type",
    "includeNotReadyPods",
    "connectorSettings",
];

/** A short digest of the connector's namespace and spec. */
export function connectorDigest(f: ConnectorFields): string {
    const spec: AttachedConnectorSpec & { namespace: string } = {
        namespace: f.connectorNamespace,
        siteNamespace: f.siteNamespace,
        port: f.port,
        selector: f.selector,
        tlsCredentials: f.tlsCredentials,
        useClientCert: f.useClientCert,
        type: f.type,
        includeNotReadyPods: f.includeNotReadyPods,
        settings: f.connectorSettings,
    };
    return createHash("sha256").update(JSON.stringify(spec)).digest("hex").slice(0, 16);
}
