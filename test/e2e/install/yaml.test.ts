// Install path: the YAML example in a folder outside the repository, with the package
// installed from its tarball; the engine finds the plugin only through the path that the
// example's own Pulumi.yaml names (plugins.providers), not through PATH. Run with the
// real CLI, as the README says.
import * as assert from "node:assert/strict";
import { pairNamespaces } from "../lifecycle/pairWorld";
import { assertPairReady, pulumiUp, removeFreshFolders, run, yamlExampleProject } from "./installWorld";

describe("install path: the YAML example with the plugin's path in its Pulumi.yaml", function () {
    after(removeFreshFolders);

    it("brings the pair up with `pulumi up`, the plugin found through plugins.providers", async () => {
        const namespaces = await pairNamespaces("install-yaml");
        const project = yamlExampleProject("yaml");
        assert.throws(() => run("which", ["pulumi-resource-skupper"], project), "the plugin is not on PATH");
        assertPairReady("yaml", pulumiUp(project, "install-yaml", namespaces));
    });
});
