import * as assert from "node:assert/strict";
import type { AttachedConnectorStatus, ConnectorStatus } from "../../../provider/crds";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { crdOf, KINDS, rootOf, schemaAt } from "./crdAssertions";
import { generateCrds, generateCrdsFrom } from "./crds";
import { CustomResourceDefinition } from "./customResourceDefinition";

describe("the generated Skupper CRDs", function () {
    this.timeout(30000);
    let crds: CustomResourceDefinition[];

    before(() => {
        crds = generateCrds();
    });

    it("are the eight typed kinds, in group skupper.io, version v2alpha1, namespaced, with a status subresource", () => {
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
            AccessGrant: ["accessgrants", ["grant", "gr"]],
            AccessToken: ["accesstokens", ["token", "to"]],
            Link: ["links", ["ln"]],
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

    it("type the kinds that link sites as Skupper 2.2.1's CRDs do: a token requires url, code and ca, a link its endpoints", () => {
        const grant = crdOf(crds, "AccessGrant");
        assert.equal(schemaAt(grant, "spec.redemptionsAllowed").type, "integer");
        assert.equal(schemaAt(grant, "spec.expirationWindow").type, "string");
        assert.equal(schemaAt(grant, "spec").required, undefined);
        assert.equal(schemaAt(grant, "status.redemptions").type, "integer");
        assert.deepEqual(
            ["url", "code", "ca", "expirationTime"].map((field) => schemaAt(grant, `status.${field}`).type),
            ["string", "string", "string", "string"],
        );
        const token = crdOf(crds, "AccessToken");
        assert.deepEqual(schemaAt(token, "spec").required, ["ca", "code", "url"]);
        assert.equal(schemaAt(token, "spec.linkCost").type, "integer");
        assert.equal(schemaAt(token, "status.redeemed").type, "boolean");
        const link = crdOf(crds, "Link");
        assert.deepEqual(schemaAt(link, "spec").required, ["endpoints"]);
        assert.deepEqual(schemaAt(link, "spec.endpoints[]"), {
            type: "object",
            properties: {
                name: { type: "string" },
                host: { type: "string" },
                port: { type: "string" },
                group: { type: "string" },
            },
        });
        assert.equal(schemaAt(link, "spec.cost").type, "integer");
        assert.equal(schemaAt(link, "status.remoteSiteName").type, "string");
        assert.deepEqual(schemaAt(link, "spec.endpoints[]"), schemaAt(crdOf(crds, "Site"), "status.endpoints[]"));
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
        export interface AccessGrantSpec { code?: string }
        export interface AccessGrantStatus {}
        export interface AccessTokenSpec { url: string }
        export interface AccessTokenStatus {}
        export interface LinkSpec { cost?: number }
        export interface LinkStatus {}
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
