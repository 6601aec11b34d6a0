// Why a half did not become ready: the sentence the component adds to a failed up,
// from the object Skupper left behind.
import * as assert from "node:assert/strict";
import { explainNotReady } from "../../provider/diagnosis/explain";
import { parseKubeconfig } from "../../provider/diagnosis/kubeAccess";

const condition = (type: string, status: string, message = "", observedGeneration = 1) => ({
    type,
    status,
    reason: status === "True" ? "Ready" : "Error",
    message,
    lastTransitionTime: "2026-01-01T00:00:00Z",
    observedGeneration,
});

describe("explaining a half that did not become ready", () => {
    it("says a binding without status means no Site in its namespace", () => {
        assert.match(
            explainNotReady(
                "AttachedConnectorBinding",
                "west",
                { metadata: { generation: 1 } },
                "condition=Configured",
            ),
            /Skupper wrote no status on it: is there a Skupper Site in namespace 'west'\?/,
        );
    });

    it("says a connector without status means no controller watches it", () => {
        assert.match(
            explainNotReady("AttachedConnector", "shop", { metadata: { generation: 1 } }, "condition=Ready"),
            /Skupper wrote no status on it: either no Skupper controller watches this namespace, or Skupper is waiting for a first pod/,
        );
    });

    it("quotes Skupper's status and the awaited condition", () => {
        const text = explainNotReady(
            "AttachedConnector",
            "shop",
            {
                metadata: { generation: 1 },
                status: {
                    status: "Error",
                    message: "No matches for selector",
                    conditions: [
                        condition("Configured", "False", "No matches for selector"),
                        condition("Ready", "False", "No matches for selector"),
                    ],
                },
            },
            "condition=Ready",
        );
        assert.equal(text, "Skupper says Error: No matches for selector (Ready is False)");
    });

    it("says Skupper has not yet seen the latest generation", () => {
        const text = explainNotReady(
            "AttachedConnector",
            "shop",
            {
                metadata: { generation: 3 },
                status: { status: "Ready", message: "OK", conditions: [condition("Ready", "True", "OK", 2)] },
            },
            "condition=Ready",
        );
        assert.match(text, /not yet handled its latest change \(generation 3; it last saw 2\)/);
    });

    it("names the missing listener when the binding waits for one", () => {
        const text = explainNotReady(
            "AttachedConnectorBinding",
            "west",
            {
                metadata: { generation: 1 },
                spec: { routingKey: "orders" },
                status: {
                    status: "Pending",
                    message: "Not Matched",
                    conditions: [condition("Configured", "True", "OK")],
                },
            },
            "condition=Ready",
        );
        assert.match(text, /no listener with routing key 'orders' exists in the Skupper network yet/);
    });

    it("names the partner that does not exist, and the parallel steps it may have waited for", () => {
        const binding = {
            metadata: { generation: 1 },
            spec: { connectorNamespace: "shop" },
            status: {
                status: "Error",
                message: "No matching AttachedConnector",
                conditions: [condition("Configured", "False", "No matching AttachedConnector")],
            },
        };
        assert.equal(
            explainNotReady("AttachedConnectorBinding", "west", binding, "condition=Configured"),
            "Skupper says Error: No matching AttachedConnector (Configured is False)",
        );
        assert.match(
            explainNotReady(
                "AttachedConnectorBinding",
                "west",
                binding,
                "condition=Configured",
                "the AttachedConnector in namespace 'shop'",
            ),
            /\(Configured is False\); the AttachedConnector in namespace 'shop' does not exist: .*\(run `pulumi up --parallel` with at least twice the number of pairs created at once/,
        );
    });

    it("says when the object is gone", () => {
        assert.match(explainNotReady("AttachedConnector", "shop", undefined, "condition=Ready"), /does not exist/);
    });
});

describe("reading a kubeconfig for the read-back", () => {
    const kubeconfig = (user: object) =>
        JSON.stringify({
            "current-context": "c",
            contexts: [{ name: "c", context: { cluster: "k", user: "u" } }],
            clusters: [
                {
                    name: "k",
                    cluster: {
                        server: "https://127.0.0.1:6443",
                        "certificate-authority-data": Buffer.from("CA").toString("base64"),
                    },
                },
            ],
            users: [{ name: "u", user }],
        });

    it("takes the current context's server, CA and token", () => {
        const access = parseKubeconfig(kubeconfig({ token: "t0k" }), "/");
        assert.deepEqual([access.server, access.ca, access.token], ["https://127.0.0.1:6443", "CA", "t0k"]);
    });

    it("refuses plugins it cannot run", () => {
        assert.throws(
            () => parseKubeconfig(kubeconfig({ exec: { command: "aws" } }), "/"),
            /authenticates with a plugin/,
        );
    });
});
