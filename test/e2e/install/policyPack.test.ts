// Install path: the policy pack copied out of the repository into a fresh folder, its
// dependencies installed there (the component package from its tarball, for the shared
// rules), built, and run by the real CLI: over the YAML example, which it lets through,
// and over a mismatched raw pair, which it stops.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { pairNamespaces } from "../lifecycle/pairWorld";
import {
    assertPairReady,
    freshFolder,
    packedTarball,
    pulumiUp,
    removeFreshFolders,
    repoRoot,
    run,
    yamlExampleProject,
} from "./installWorld";

/** A program of raw objects from a manifest: a connector with a bad port that points at
 * its own namespace, and a binding that names another connector namespace. */
function mismatchedPair(shop: string, west: string): string {
    const manifest = [
        `{apiVersion: skupper.io/v2alpha1, kind: AttachedConnector, metadata: {name: orders, namespace: ${shop}}, spec: {siteNamespace: ${shop}, port: 0, selector: app=orders}}`,
        `{apiVersion: skupper.io/v2alpha1, kind: AttachedConnectorBinding, metadata: {name: orders, namespace: ${west}}, spec: {connectorNamespace: billing, routingKey: orders}}`,
    ].join("\n---\n");
    return `name: install-policy-raw
runtime: yaml
resources:
  manifests:
    type: kubernetes:yaml/v2:ConfigGroup
    properties:
      yaml: ${JSON.stringify(manifest)}
`;
}

describe("install path: the policy pack from its own folder under the real CLI", function () {
    after(removeFreshFolders);

    it("installs and builds on its own, passes the example's pair and stops a mismatched one", async () => {
        const namespaces = await pairNamespaces("install-policy");
        const pack = path.join(freshFolder("policy-pack"), "policy");
        fs.cpSync(path.join(repoRoot, "policy"), pack, {
            recursive: true,
            filter: (source) => !["node_modules", "bin"].includes(path.basename(source)),
        });
        // Outside this repository the pack's dependency on the component package is
        // satisfied from its tarball (or, once published, from the registry).
        run("npm", ["install", packedTarball()], pack);
        run("npm", ["run", "build"], pack);

        const project = yamlExampleProject("policy-yaml");
        assertPairReady("policy pack", pulumiUp(project, "install-policy", namespaces, ["--policy-pack", pack]));

        const raw = freshFolder("policy-raw");
        fs.writeFileSync(path.join(raw, "Pulumi.yaml"), mismatchedPair(namespaces.shop, namespaces.west));
        run("pulumi", ["stack", "init", "install-policy-raw"], raw);
        assert.throws(
            () => run("pulumi", ["preview", "--policy-pack", pack], raw),
            (error: Error) => {
                for (const policy of ["skupper-port-range", "skupper-no-self-attachment", "skupper-pairing"]) {
                    assert.match(error.message, new RegExp(policy), `${policy} is named in:\n${error.message}`);
                }
                assert.match(error.message, /mandatory/);
                return true;
            },
        );
    });
});
