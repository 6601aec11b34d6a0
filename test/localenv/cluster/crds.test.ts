import * as assert from "node:assert/strict";
import type { AttachedConnectorStatus, ConnectorStatus } from "../../../provider/crds";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { dump } from "js-yaml";
import { compareCrds, readCrdFolder } from "./skupperCrds";
import { CustomResourceDefinition, generateCrds, generateCrdsFrom, JSONSchemaProps } from "./crds";

const KINDS = ["AttachedConnector", "AttachedConnectorBinding", "Site", "Listener", "Connector"];

function crdOf(crds: CustomResourceDefinition[], kind: string): CustomResourceDefinition {
    const crd = crds.find((c) => c.spec.names.kind === kind);
    assert.ok(crd, `no CRD for ${kind}`);
    return crd;
}

function rootOf(crd: CustomResourceDefinition): JSONSchemaProps {
    const root = crd.spec.versions[0].schema?.openAPIV3Schema;
    assert.ok(root, `${crd.spec.names.kind} has no schema`);
    return root;
}

/** The schema at a path such as `spec.port` or `status.conditions[]`. */
function schemaAt(crd: CustomResourceDefinition, at: string): JSONSchemaProps {
    let schema: JSONSchemaProps | undefined = rootOf(crd);
    for (const part of at.split(".")) {
        const name = part.replace(/\[\]$/, "");
        schema = schema?.properties?.[name];
        if (part.endsWith("[]")) schema = schema?.items;
        assert.ok(schema, `${crd.spec.names.kind} has no ${at}`);
    }
    return schema!;
}

describe("the generated Skupper CRDs", function () {
    this.timeout(30000);
    let crds: CustomResourceDefinition[];

    before(() => {
        crds = generateCrds();
    });

    it("are the five typed kinds, in group skupper.io, version v2alpha1, namespaced, with a status subresource", () => {
        assert.deepEqual(
            crds.map((c) => c.spec.names.kind),
            KINDS,
        );
        for (const crd of crds) {
            const { kind, plural, singular, listKind } = crd.spec.names;
            assert.equal(crd.apiVersion, "apiextensions.k8s.io/v1");
            assert.equal(crd.kind, "CustomResourceDefinition");
            assert.equal(crd.spec.group, "skupper.io", kind);
            assert.equal(crd.metadata.name, `${plural}.skupper.io`, kind);
            assert.equal(singular, kind.toLowerCase());
            assert.equal(listKind, `${kind}List`);
            assert.equal(crd.spec.scope, "Namespaced", kind);
            assert.equal(crd.spec.versions.length, 1, kind);
            const [version] = crd.spec.versions;
            assert.equal(version.name, "v2alpha1", kind);
            assert.equal(version.served, true, kind);
            assert.equal(version.storage, true, kind);
            assert.deepEqual(version.subresources, { status: {} }, kind);
            assert.equal(rootOf(crd).type, "object");
            assert.equal(schemaAt(crd, "spec").type, "object", kind);
            assert.equal(schemaAt(crd, "status").type, "object", kind);
        }
    });

    it("use the usual plurals and short names", () => {
        const names = Object.fromEntries(
            crds.map((c) => [c.spec.names.kind, [c.spec.names.plural, c.spec.names.shortNames]]),
        );
        assert.deepEqual(names, {
            AttachedConnector: ["attachedconnectors", ["acnr"]],
            AttachedConnectorBinding: ["attachedconnectorbindings", ["acnrb"]],
            Site: ["sites", ["st"]],
            Listener: ["listeners", ["lnr"]],
            Connector: ["connectors", ["cnr"]],
        });
    });

    it("AttachedConnector requires siteNamespace, port (an integer) and selector, and has no routingKey", () => {
        const crd = crdOf(crds, "AttachedConnector");
        assert.deepEqual(schemaAt(crd, "spec").required, ["port", "selector", "siteNamespace"]);
        assert.equal(schemaAt(crd, "spec.port").type, "integer");
        assert.equal(schemaAt(crd, "spec.siteNamespace").type, "string");
        assert.equal(schemaAt(crd, "spec.selector").type, "string");
        assert.equal(schemaAt(crd, "spec.tlsCredentials").type, "string");
        assert.equal(schemaAt(crd, "spec.useClientCert").type, "boolean");
        assert.equal(schemaAt(crd, "spec.includeNotReadyPods").type, "boolean");
        assert.equal(schemaAt(crd, "spec.type").type, "string");
        assert.equal(schemaAt(crd, "spec").properties?.routingKey, undefined);
        assert.deepEqual(schemaAt(crd, "status.selectedPods[]").properties, {
            name: { type: "string" },
            ip: { type: "string" },
        });
    });

    it("type statuses as Skupper 2.2.1 writes them: selectedPods on Connectors only, though both CRDs declare it", () => {
        const attached: AttachedConnectorStatus = { status: "Ready" };
        const connector: ConnectorStatus = { selectedPods: [{ name: "backend-1", ip: "10.0.0.1" }] };
        // @ts-expect-error Skupper writes no selectedPods on an AttachedConnector
        assert.equal(attached.selectedPods, undefined);
        assert.equal(connector.selectedPods?.length, 1);
        assert.ok(schemaAt(crdOf(crds, "Connector"), "status.selectedPods[]").properties);
    });

    it("AttachedConnectorBinding requires connectorNamespace and routingKey; its status has hasMatchingListener", () => {
        const crd = crdOf(crds, "AttachedConnectorBinding");
        assert.deepEqual(schemaAt(crd, "spec").required, ["connectorNamespace", "routingKey"]);
        assert.equal(schemaAt(crd, "spec.routingKey").type, "string");
        assert.equal(schemaAt(crd, "spec.exposePodsByName").type, "boolean");
        assert.equal(schemaAt(crd, "status.hasMatchingListener").type, "boolean");
        assert.equal(
            schemaAt(crd, "status").required,
            undefined,
            "nothing in status is required (hasMatchingListener is omitempty)",
        );
    });

    it("every status has status, message and conditions whose items require type, status, reason, message, lastTransitionTime", () => {
        for (const crd of crds) {
            const kind = crd.spec.names.kind;
            assert.equal(schemaAt(crd, "status.status").type, "string", kind);
            assert.equal(schemaAt(crd, "status.message").type, "string", kind);
            assert.equal(schemaAt(crd, "status.conditions").type, "array", kind);
            const condition = schemaAt(crd, "status.conditions[]");
            assert.equal(condition.type, "object", kind);
            assert.deepEqual(condition.required, ["lastTransitionTime", "message", "reason", "status", "type"], kind);
            assert.equal(condition.properties?.observedGeneration?.type, "integer", kind);
            assert.equal(condition.properties?.lastTransitionTime?.type, "string", kind);
        }
    });

    it("types every settings as a map of strings", () => {
        for (const crd of crds) {
            assert.deepEqual(
                schemaAt(crd, "spec.settings"),
                { type: "object", additionalProperties: { type: "string" } },
                crd.spec.names.kind,
            );
        }
    });

    it("types nested status objects (Site's network and links)", () => {
        const site = crdOf(crds, "Site");
        assert.equal(schemaAt(site, "status.sitesInNetwork").type, "integer");
        assert.equal(schemaAt(site, "status.network[].links[].operational").type, "boolean");
        assert.deepEqual(schemaAt(site, "status.network[].services[].connectors"), {
            type: "array",
            items: { type: "string" },
        });
        assert.equal(schemaAt(site, "status.controller.version").type, "string");
    });

    it("are the same on every call, and each call returns its own copy", () => {
        const first = generateCrds();
        first[0].spec.group = "changed.example.com";
        const second = generateCrds();
        assert.equal(second[0].spec.group, "skupper.io");
        assert.equal(JSON.stringify(second), JSON.stringify(crds));
    });
});

describe("generateCrdsFrom (the TypeScript-to-schema mapping)", function () {
    this.timeout(30000);
    let dir: string;

    function write(files: Record<string, string>): string {
        for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
        return path.join(dir, "index.ts");
    }

    const others = `
        export interface SiteSpec { name?: string }
        export interface SiteStatus {}
        export interface ListenerSpec { port: number }
        export interface ListenerStatus {}
        export interface ConnectorSpec { port: number }
        export interface ConnectorStatus {}
        export interface AttachedConnectorBindingSpec { routingKey: string }
        export interface AttachedConnectorBindingStatus {}
    `;

    beforeEach(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "crds-test-"));
    });
    afterEach(() => {
        fs.rmSync(dir, { recursive: true, force: true });
    });

    it("maps inherited, optional, array, inline, map, number and string-literal-union members", () => {
        const index = write({
            "base.ts": `
                export interface Base { status?: "Pending" | "Ready" | "Error"; items: { id: number; tags?: string[] }[] }
            `,
            "index.ts": `
                import { Base } from "./base";
                export * from "./others";
                export type Mode = "tcp" | "udp";
                export interface AttachedConnectorSpec {
                    port: number;
                    mode?: Mode;
                    enabled?: boolean;
                    labels?: Record<string, string>;
                    limits?: { [key: string]: number };
                    nested: { inner?: { deep: string } };
                }
                export interface AttachedConnectorStatus extends Base { extra?: boolean }
            `,
            "others.ts": others,
        });
        const crd = crdOf(generateCrdsFrom(index), "AttachedConnector");
        assert.deepEqual(schemaAt(crd, "spec"), {
            type: "object",
            properties: {
                port: { type: "integer" },
                mode: { type: "string", enum: ["tcp", "udp"] },
                enabled: { type: "boolean" },
                labels: { type: "object", additionalProperties: { type: "string" } },
                limits: { type: "object", additionalProperties: { type: "integer" } },
                nested: {
                    type: "object",
                    properties: {
                        inner: { type: "object", properties: { deep: { type: "string" } }, required: ["deep"] },
                    },
                },
            },
            required: ["nested", "port"],
        });
        assert.deepEqual(schemaAt(crd, "status"), {
            type: "object",
            properties: {
                status: { type: "string", enum: ["Pending", "Ready", "Error"] },
                items: {
                    type: "array",
                    items: {
                        type: "object",
                        properties: { id: { type: "integer" }, tags: { type: "array", items: { type: "string" } } },
                        required: ["id"],
                    },
                },
                extra: { type: "boolean" },
            },
            required: ["items"],
        });
    });

    it("refuses a type a CRD cannot express, naming the kind and path", () => {
        const index = write({
            "index.ts": `
                export * from "./others";
                export interface AttachedConnectorSpec { port: number | string }
                export interface AttachedConnectorStatus {}
            `,
            "others.ts": others,
        });
        assert.throws(() => generateCrdsFrom(index), /AttachedConnector spec\.port: cannot express a union/);
    });

    it("refuses a missing interface, naming it", () => {
        const index = write({
            "index.ts": `
                export * from "./others";
                export interface AttachedConnectorSpec { port: number }
            `,
            "others.ts": others,
        });
        assert.throws(
            () => generateCrdsFrom(index),
            /AttachedConnector status: provider\/crds exports no AttachedConnectorStatus/,
        );
    });
});

describe("compareCrds", function () {
    this.timeout(30000);
    let ours: CustomResourceDefinition[];
    let theirs: CustomResourceDefinition[];

    beforeEach(() => {
        ours = generateCrds();
        theirs = generateCrds();
    });

    it("finds no differences between identical CRDs", () => {
        assert.deepEqual(compareCrds(ours, theirs), []);
    });

    it("reports a changed type, naming the kind and path", () => {
        schemaAt(crdOf(theirs, "AttachedConnector"), "spec.port").type = "number";
        assert.deepEqual(compareCrds(ours, theirs), [
            "AttachedConnector spec.port: type number in Skupper's CRD, integer in ours",
        ]);
    });

    it("reports a property missing on either side, once, at its path", () => {
        delete schemaAt(crdOf(ours, "Site"), "status.network[].links[]").properties!.operational;
        delete schemaAt(crdOf(theirs, "Listener"), "spec").properties!.settings;
        assert.deepEqual(compareCrds(ours, theirs), [
            "Site status.network[].links[].operational: missing in ours",
            "Listener spec.settings: missing in Skupper's CRD",
        ]);
    });

    it("reports a changed map value type", () => {
        schemaAt(crdOf(theirs, "Connector"), "spec.settings").additionalProperties = { type: "integer" };
        assert.deepEqual(compareCrds(ours, theirs), [
            "Connector spec.settings{}: type integer in Skupper's CRD, string in ours",
        ]);
    });

    it("reports a changed required list, but not a reordered one", () => {
        schemaAt(crdOf(theirs, "AttachedConnectorBinding"), "spec").required = ["routingKey"];
        schemaAt(crdOf(theirs, "AttachedConnector"), "spec").required = ["siteNamespace", "selector", "port"];
        assert.deepEqual(compareCrds(ours, theirs), [
            "AttachedConnectorBinding spec: required [routingKey] in Skupper's CRD, [connectorNamespace, routingKey] in ours",
        ]);
    });

    it("reports a changed short name, but not reordered short names", () => {
        crdOf(theirs, "AttachedConnectorBinding").spec.names.shortNames = ["acb"];
        crdOf(ours, "Site").spec.names.shortNames = ["st", "site"];
        crdOf(theirs, "Site").spec.names.shortNames = ["site", "st"];
        assert.deepEqual(compareCrds(ours, theirs), [
            "AttachedConnectorBinding names.shortNames: [acb] in Skupper's CRD, [acnrb] in ours",
        ]);
    });

    it("reports a changed plural, scope, group, version and status subresource", () => {
        crdOf(theirs, "Site").spec.names.plural = "skupperSites";
        crdOf(theirs, "Listener").spec.scope = "Cluster";
        crdOf(theirs, "Connector").spec.group = "example.com";
        crdOf(theirs, "AttachedConnector").spec.versions[0].name = "v1";
        delete crdOf(theirs, "AttachedConnector").spec.versions[0].subresources;
        const differences = compareCrds(ours, theirs);
        assert.equal(differences.length, 5, differences.join("\n"));
        assert.ok(
            differences.includes("Site names.plural: skupperSites in Skupper's CRD, sites in ours"),
            differences.join("\n"),
        );
        assert.ok(
            differences.includes("Listener scope: Cluster in Skupper's CRD, Namespaced in ours"),
            differences.join("\n"),
        );
        assert.ok(
            differences.includes("Connector group: example.com in Skupper's CRD, skupper.io in ours"),
            differences.join("\n"),
        );
        assert.ok(
            differences.includes("AttachedConnector versions: [v1] in Skupper's CRD, [v2alpha1] in ours"),
            differences.join("\n"),
        );
        assert.ok(
            differences.includes("AttachedConnector status subresource: absent in Skupper's CRD, present in ours"),
            differences.join("\n"),
        );
    });

    it("ignores descriptions, formats, enums, printer columns, listKind and the metadata/apiVersion/kind properties", () => {
        const crd = crdOf(theirs, "AttachedConnector");
        const root = rootOf(crd);
        root.description = "An attached connector";
        schemaAt(crd, "status.conditions[].observedGeneration").format = "int64";
        schemaAt(crd, "status.conditions[].status").enum = ["True", "False", "Unknown"];
        crd.spec.versions[0].additionalPrinterColumns = [{ name: "Port", type: "integer", jsonPath: ".spec.port" }];
        delete crd.spec.names.listKind;
        delete root.properties!.metadata;
        delete root.properties!.apiVersion;
        root.properties!.kind = { type: "object" };
        assert.deepEqual(compareCrds(ours, theirs), []);
    });

    it("compares only our five kinds: other kinds in the reference are ignored, a missing one is reported", () => {
        const link = structuredClone(crdOf(theirs, "Site"));
        link.spec.names = { kind: "Link", plural: "links", singular: "link" };
        const reference = [link, ...theirs.filter((c) => c.spec.names.kind !== "Listener")];
        assert.deepEqual(compareCrds(ours, reference), ["Listener: missing in Skupper's CRDs"]);
        assert.deepEqual(
            compareCrds(
                ours.filter((c) => c.spec.names.kind !== "Site"),
                theirs,
            ),
            ["Site: missing in ours"],
        );
    });
});

describe("readCrdFolder", () => {
    let dir: string;
    beforeEach(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "crds-folder-"));
    });
    afterEach(() => {
        fs.rmSync(dir, { recursive: true, force: true });
    });

    it("reads every CRD of every *.yaml file, including multi-document files, and nothing else", () => {
        const crds = generateCrds();
        crds.slice(0, 3).forEach((crd, i) => fs.writeFileSync(path.join(dir, `crd_${i}.yaml`), dump(crd)));
        fs.writeFileSync(
            path.join(dir, "more.yaml"),
            `${dump(crds[3])}---\n${dump({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "x" } })}---\n${dump(crds[4])}`,
        );
        fs.writeFileSync(path.join(dir, "notes.txt"), dump(crds[0]));
        const read = readCrdFolder(dir);
        assert.equal(read.length, 5);
        assert.deepEqual(read.map((c) => c.spec.names.kind).sort(), [...KINDS].sort());
        assert.deepEqual(compareCrds(crds, read), []);
    });
});
