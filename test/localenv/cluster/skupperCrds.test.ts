import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { dump } from "js-yaml";
import { crdOf, KINDS, rootOf, schemaAt } from "./crdAssertions";
import { generateCrds } from "./crds";
import { CustomResourceDefinition } from "./customResourceDefinition";
import { compareCrds, readCrdFolder } from "./skupperCrds";

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

    it("compares only our eight kinds: other kinds in the reference are ignored, a missing one is reported", () => {
        const routerAccess = structuredClone(crdOf(theirs, "Site"));
        routerAccess.spec.names = { kind: "RouterAccess", plural: "routeraccesses", singular: "routeraccess" };
        const reference = [routerAccess, ...theirs.filter((c) => c.spec.names.kind !== "Listener")];
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
        const configMap = dump({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "x" } });
        const rest = crds.slice(3).map((crd) => dump(crd));
        fs.writeFileSync(path.join(dir, "more.yaml"), [rest[0], configMap, ...rest.slice(1)].join("---\n"));
        fs.writeFileSync(path.join(dir, "notes.txt"), dump(crds[0]));
        const read = readCrdFolder(dir);
        assert.equal(read.length, KINDS.length);
        assert.deepEqual(read.map((c) => c.spec.names.kind).sort(), [...KINDS].sort());
        assert.deepEqual(compareCrds(crds, read), []);
    });
});
