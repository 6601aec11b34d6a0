// skupper-no-system-namespaces, including objects placed by their provider's namespace.
import * as assert from "node:assert/strict";
import { noSystemNamespaces } from "../../../policy/resources/noSystemNamespaces";
import { binding, connector, grant, link, listener, token, validateResource, withProvider } from "../helper";

describe("skupper-no-system-namespaces", () => {
    it("passes ordinary namespaces", async () => {
        assert.deepEqual(await validateResource(noSystemNamespaces, connector("shop", "orders")), []);
    });

    it("flags a connector in kube-system", async () => {
        assert.deepEqual(await validateResource(noSystemNamespaces, connector("kube-system", "dns")), [
            "AttachedConnector 'kube-system/dns': lives in the system namespace 'kube-system'.",
        ]);
    });

    it("flags a binding that points at kube-public", async () => {
        assert.deepEqual(
            await validateResource(noSystemNamespaces, binding("west", "x", { connectorNamespace: "kube-public" })),
            ["AttachedConnectorBinding 'west/x': spec.connectorNamespace is the system namespace 'kube-public'."],
        );
    });

    it("flags a site in kube-node-lease", async () => {
        const violations = await validateResource(
            noSystemNamespaces,
            connector("shop", "x", { siteNamespace: "kube-node-lease" }),
        );
        assert.deepEqual(violations, [
            "AttachedConnector 'shop/x': spec.siteNamespace is the system namespace 'kube-node-lease'.",
        ]);
    });

    it("flags a connector without metadata.namespace whose provider's namespace is kube-system", async () => {
        // The Kubernetes provider puts such an object in its own `namespace` setting.
        const dns = withProvider(connector(undefined, "dns"), { namespace: "kube-system" });
        assert.deepEqual(await validateResource(noSystemNamespaces, dns), [
            "AttachedConnector 'kube-system/dns': lives in the system namespace 'kube-system'.",
        ]);
    });

    it("reads a missing metadata.namespace as default when the provider sets no namespace", async () => {
        const dns = withProvider(connector(undefined, "dns"), {});
        assert.deepEqual(await validateResource(noSystemNamespaces, dns, { extraNamespaces: ["default"] }), [
            "AttachedConnector 'default/dns': lives in the system namespace 'default'.",
        ]);
    });

    it("keeps an explicit metadata.namespace over the provider's", async () => {
        assert.deepEqual(
            await validateResource(
                noSystemNamespaces,
                withProvider(connector("shop", "x"), { namespace: "kube-system" }),
            ),
            [],
        );
    });

    it("honours extraNamespaces from config", async () => {
        assert.deepEqual(await validateResource(noSystemNamespaces, connector("shop", "x")), []);
        assert.deepEqual(
            await validateResource(noSystemNamespaces, connector("shop", "x"), { extraNamespaces: ["shop"] }),
            ["AttachedConnector 'shop/x': lives in the system namespace 'shop'."],
        );
    });

    it("flags a Listener in a system namespace, including the provider's and the extra ones", async () => {
        assert.deepEqual(await validateResource(noSystemNamespaces, listener("east", "orders")), []);
        assert.deepEqual(await validateResource(noSystemNamespaces, listener("kube-system", "dns")), [
            "Listener 'kube-system/dns': lives in the system namespace 'kube-system'.",
        ]);
        const placed = withProvider(listener(undefined, "x"), { namespace: "kube-public" });
        assert.deepEqual(await validateResource(noSystemNamespaces, placed), [
            "Listener 'kube-public/x': lives in the system namespace 'kube-public'.",
        ]);
        assert.deepEqual(
            await validateResource(noSystemNamespaces, listener("infra", "x"), { extraNamespaces: ["infra"] }),
            ["Listener 'infra/x': lives in the system namespace 'infra'."],
        );
    });

    it("flags an AccessGrant, an AccessToken or a Link in a system namespace, and passes them elsewhere", async () => {
        for (const make of [grant, token, link]) {
            assert.deepEqual(await validateResource(noSystemNamespaces, make("east", "x")), []);
        }
        assert.deepEqual(await validateResource(noSystemNamespaces, grant("kube-system", "g")), [
            "AccessGrant 'kube-system/g': lives in the system namespace 'kube-system'.",
        ]);
        assert.deepEqual(await validateResource(noSystemNamespaces, token("kube-public", "t")), [
            "AccessToken 'kube-public/t': lives in the system namespace 'kube-public'.",
        ]);
        assert.deepEqual(await validateResource(noSystemNamespaces, link("kube-node-lease", "l")), [
            "Link 'kube-node-lease/l': lives in the system namespace 'kube-node-lease'.",
        ]);
    });

    it("places a link object by its provider's namespace, and honours extraNamespaces for it", async () => {
        const placed = withProvider(token(undefined, "t"), { namespace: "kube-system" });
        assert.deepEqual(await validateResource(noSystemNamespaces, placed), [
            "AccessToken 'kube-system/t': lives in the system namespace 'kube-system'.",
        ]);
        assert.deepEqual(
            await validateResource(noSystemNamespaces, grant("infra", "g"), { extraNamespaces: ["infra"] }),
            ["AccessGrant 'infra/g': lives in the system namespace 'infra'."],
        );
    });
});
