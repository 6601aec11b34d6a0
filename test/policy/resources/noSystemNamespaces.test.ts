import * as assert from "node:assert/strict";
import { noSystemNamespaces } from "../../../policy/resources/noSystemNamespaces";
import { binding, connector, validateResource } from "../helper";

describe("skupper-no-system-namespaces", () => {
    it("passes ordinary namespaces", async () => {
        assert.deepEqual(await validateResource(noSystemNamespaces, connector("shop", "orders")), []);
    });

    it("flags a connector in kube-system", async () => {
        assert.deepEqual(await validateResource(noSystemNamespaces, connector("kube-system", "dns")),
            ["AttachedConnector 'kube-system/dns': lives in the system namespace 'kube-system'."]);
    });

    it("flags a binding that points at kube-public", async () => {
        assert.deepEqual(await validateResource(noSystemNamespaces, binding("west", "x", { connectorNamespace: "kube-public" })),
            ["AttachedConnectorBinding 'west/x': spec.connectorNamespace is the system namespace 'kube-public'."]);
    });

    it("flags a site in kube-node-lease", async () => {
        const violations = await validateResource(noSystemNamespaces, connector("shop", "x", { siteNamespace: "kube-node-lease" }));
        assert.deepEqual(violations, ["AttachedConnector 'shop/x': spec.siteNamespace is the system namespace 'kube-node-lease'."]);
    });

    it("honours extraNamespaces from config", async () => {
        assert.deepEqual(await validateResource(noSystemNamespaces, connector("shop", "x")), []);
        assert.deepEqual(await validateResource(noSystemNamespaces, connector("shop", "x"), { extraNamespaces: ["shop"] }),
            ["AttachedConnector 'shop/x': lives in the system namespace 'shop'."]);
    });
});
