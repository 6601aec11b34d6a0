// skupper-namespace-grants, including objects placed by their provider's namespace.
import * as assert from "node:assert/strict";
import { namespaceGrants } from "../../../policy/resources/namespaceGrants";
import { binding, connector, validateResource, withProvider } from "../helper";

describe("skupper-namespace-grants", () => {
    const grants = { west: ["shop", "team-*"] };

    it("reports nothing when no grants are configured", async () => {
        assert.deepEqual(await validateResource(namespaceGrants, connector("anything", "x")), []);
    });

    it("passes connectors and bindings inside the grants, globs included", async () => {
        assert.deepEqual(await validateResource(namespaceGrants, connector("shop", "x"), { grants }), []);
        assert.deepEqual(await validateResource(namespaceGrants, connector("team-a", "x"), { grants }), []);
        assert.deepEqual(
            await validateResource(namespaceGrants, binding("west", "x", { connectorNamespace: "team-b" }), { grants }),
            [],
        );
    });

    it("flags a connector namespace the site does not grant", async () => {
        assert.deepEqual(await validateResource(namespaceGrants, connector("billing", "x"), { grants }), [
            "AttachedConnector 'billing/x': site namespace 'west' does not grant connector namespace 'billing' (it grants only shop, team-*).",
        ]);
    });

    it("judges a connector without metadata.namespace by its provider's namespace, not default", async () => {
        const inKubeSystem = withProvider(connector(undefined, "x"), { namespace: "kube-system" });
        assert.deepEqual(await validateResource(namespaceGrants, inKubeSystem, { grants: { west: ["default"] } }), [
            "AttachedConnector 'kube-system/x': site namespace 'west' does not grant connector namespace 'kube-system' (it grants only default).",
        ]);
    });

    it("judges a binding without metadata.namespace by its provider's namespace, not default", async () => {
        const inKubeSystem = withProvider(binding(undefined, "x"), { namespace: "kube-system" });
        assert.deepEqual(await validateResource(namespaceGrants, inKubeSystem, { grants: { default: ["shop"] } }), [
            "AttachedConnectorBinding 'kube-system/x': site namespace 'kube-system' does not grant connector namespace 'shop' (it grants no connector namespace).",
        ]);
    });

    it("flags a binding in a site namespace with no grants", async () => {
        assert.deepEqual(await validateResource(namespaceGrants, binding("east", "x"), { grants }), [
            "AttachedConnectorBinding 'east/x': site namespace 'east' does not grant connector namespace 'shop' (it grants no connector namespace).",
        ]);
    });
});
