// Why a half did not become ready: the sentence the components add to a failed up, from
// what the cluster says (the half, its partner, the Sites, the workload's pods).
import * as assert from "node:assert/strict";
import { explain } from "../../provider/diagnosis/explain";
import { Facts, HalfObject, PodFacts } from "../../provider/diagnosis/facts";
import { parseKubeconfig } from "../../provider/diagnosis/kubeAccess";

const condition = (type: string, status: string, message = "", observedGeneration = 1) => ({
    type,
    status,
    reason: status === "True" ? "Ready" : "Error",
    message,
    lastTransitionTime: "2026-01-01T00:00:00Z",
    observedGeneration,
});

const says = (status: string, message: string, ...conditions: ReturnType<typeof condition>[]) => ({
    status,
    message,
    conditions,
});

const connectorObject = (spec: HalfObject["spec"] = {}, status?: HalfObject["status"]): HalfObject => ({
    metadata: { name: "backend", namespace: "shop", generation: 1 },
    spec: { siteNamespace: "west", selector: "app=crat", ...spec },
    status,
});

const bindingObject = (status?: HalfObject["status"], generation = 1): HalfObject => ({
    metadata: { name: "backend", namespace: "west", generation },
    spec: { connectorNamespace: "shop", routingKey: "backend" },
    status,
});

const pod = (name: string, labels: Record<string, string>, phase = "Running", ready = true): PodFacts => ({
    name,
    labels,
    phase,
    ready,
    deleting: false,
});

const notReady = says("Error", "Not ready", condition("Configured", "False", "Not ready"));

/** A binding that waited for Configured, with a Site, its connector and the given pods. */
function bindingFacts(facts: Partial<Facts> = {}): Facts {
    return {
        kind: "AttachedConnectorBinding",
        namespace: "west",
        name: "backend",
        waitFor: "condition=Configured",
        object: bindingObject(notReady),
        partner: connectorObject({}, notReady),
        sites: [{ name: "site", status: says("Pending", "Not Running") }],
        ...facts,
    };
}

describe("explaining a half that did not become ready", () => {
    it("lists the labels the pods carry when none matches the selector, and the closest one", () => {
        const text = explain(
            bindingFacts({
                pods: {
                    all: [
                        pod("cart-1", { app: "cart", "pod-template-hash": "7d9f" }),
                        pod("cart-2", { app: "cart", "pod-template-hash": "7d9f" }),
                    ],
                    matching: [],
                },
            }),
        );
        assert.equal(
            text,
            "no pod in namespace 'shop' matches the selector 'app=crat'; the pods there carry cart-1 (app=cart, pod-template-hash=7d9f), " +
                "cart-2 (app=cart, pod-template-hash=7d9f); did you mean 'app=cart'? (Skupper says Error: Not ready (Configured is False))",
        );
    });

    it("shows a few pods with a few labels each, and how many more there are", () => {
        const many = Array.from({ length: 5 }, (_, i) => pod(`p${i}`, { a: "1", b: "2", c: "3", d: "4", e: "5" }));
        const text = explain(bindingFacts({ pods: { all: many, matching: [] } }));
        assert.match(text, /carry p0 \(a=1, b=2, c=3, d=4, \.\.\.\), p1 .*p2 .*, and 2 more/);
        assert.doesNotMatch(text, /did you mean/);
    });

    it("says when the namespace has no pod at all", () => {
        const text = explain(bindingFacts({ pods: { all: [], matching: [] } }));
        assert.match(text, /^no pod runs in namespace 'shop', so none matches the selector 'app=crat'/);
    });

    it("counts matching pods by state when none is Running and Ready, and names includeNotReadyPods", () => {
        const matching = [pod("a", { app: "crat" }, "Pending", false), pod("b", { app: "crat" }, "Running", false)];
        const text = explain(bindingFacts({ pods: { all: matching, matching } }));
        assert.match(
            text,
            /^2 pods in namespace 'shop' match the selector 'app=crat', but none is Running and Ready \(1 Pending, 1 Running but not Ready\); .*includeNotReadyPods/,
        );
    });

    it("does not suggest includeNotReadyPods when it is already set", () => {
        const matching = [pod("a", { app: "crat" }, "Pending", false)];
        const text = explain(
            bindingFacts({
                partner: connectorObject({ includeNotReadyPods: true }, notReady),
                pods: { all: matching, matching },
            }),
        );
        assert.doesNotMatch(text, /includeNotReadyPods/);
    });

    it("says the site namespace has no Site, and notes more than one", () => {
        assert.match(
            explain(bindingFacts({ sites: [], object: bindingObject(undefined) })),
            /^namespace 'west' has no Skupper Site: Skupper handles attached connectors only through the Site of the site namespace; create one there$/,
        );
        assert.match(
            explain(bindingFacts({ sites: [{ name: "a" }, { name: "b" }], pods: { all: [], matching: [] } })),
            /^no pod runs in namespace 'shop'.*; note that namespace 'west' has 2 Skupper Sites \(a, b\), of which Skupper uses one$/,
        );
    });

    it("names the missing partner, its namespace and the team that must create it", () => {
        const text = explain(
            bindingFacts({
                object: bindingObject(says("Error", "No matching AttachedConnector")),
                partner: null,
            }),
        );
        assert.match(
            text,
            /^the AttachedConnector 'backend' does not exist in namespace 'shop' \(connectorNamespace\): the workload team must create it/,
        );
    });

    it("says no controller watches the namespaces when neither half nor the Site has a status", () => {
        const text = explain(
            bindingFacts({ object: bindingObject(undefined), partner: connectorObject(), sites: [{ name: "site" }] }),
        );
        assert.match(
            text,
            /^Skupper wrote no status on it; its partner has none either: no Skupper controller watches namespace 'west' \(its Site 'site' has no status either\)\. Skupper's controller must run cluster-wide, or watch both namespaces/,
        );
    });

    it("says the connector is unseen when a controller handles only the site namespace", () => {
        const text = explain(
            bindingFacts({
                object: bindingObject(says("Error", "No matching AttachedConnector")),
                partner: connectorObject(),
            }),
        );
        assert.match(
            text,
            /AttachedConnector 'backend' in namespace 'shop' has no status: no Skupper controller watches that namespace/,
        );
    });

    describe("the binding still says its connector is missing, though it exists with no status", () => {
        // Skupper's state when the site team went first and the workload's pods come later:
        // it watches for pods and writes nothing on either half until one runs.
        const stale = says(
            "Error",
            "No matching AttachedConnector",
            condition("Configured", "False", "No matching AttachedConnector"),
        );
        const unreported = (pods: Facts["pods"]) =>
            explain(bindingFacts({ object: bindingObject(stale), partner: connectorObject(), pods }));

        it("names the selector that matches no pod, not a controller that does not watch", () => {
            const text = unreported({ all: [], matching: [] });
            assert.match(text, /^no pod runs in namespace 'shop', so none matches the selector 'app=crat'/);
            assert.match(text, /the AttachedConnector 'backend' exists in namespace 'shop'/);
            assert.doesNotMatch(text, /controller/);
        });

        it("lists the labels the pods carry, and the one meant", () => {
            const text = unreported({ all: [pod("cart-1", { app: "cart" })], matching: [] });
            assert.match(
                text,
                /^no pod in namespace 'shop' matches the selector 'app=crat'; the pods there carry cart-1 \(app=cart\); did you mean 'app=cart'\?/,
            );
            assert.doesNotMatch(text, /controller/);
        });

        it("says no controller watches the connector's namespace when Running, Ready pods match", () => {
            const ready = [pod("b", { app: "crat" })];
            assert.match(
                unreported({ all: ready, matching: ready }),
                /has no status: no Skupper controller watches that namespace/,
            );
        });
    });

    it("quotes Skupper's status and the awaited condition when the cluster shows no cause", () => {
        const text = explain(
            bindingFacts({
                object: bindingObject(
                    says(
                        "Error",
                        "AttachedConnectorBinding west/backend does not allow AttachedConnector in shop (only other)",
                    ),
                ),
                pods: { all: [pod("b", { app: "crat" })], matching: [pod("b", { app: "crat" })] },
            }),
        );
        assert.equal(
            text,
            "Skupper says Error: AttachedConnectorBinding west/backend does not allow AttachedConnector in shop (only other)",
        );
    });

    it("says Skupper has not yet seen the latest generation", () => {
        const text = explain(
            bindingFacts({
                object: bindingObject(says("Ready", "OK", condition("Configured", "True", "OK", 2)), 3),
            }),
        );
        assert.match(text, /not yet handled its latest change \(generation 3; it last saw 2\)/);
    });

    it("names the missing listener when the binding waits for one", () => {
        const text = explain(
            bindingFacts({
                waitFor: "condition=Ready",
                object: bindingObject(says("Pending", "Not Matched", condition("Configured", "True", "OK"))),
            }),
        );
        assert.match(text, /no listener with routing key 'backend' exists in the Skupper network yet/);
    });

    it("says when the object is gone", () => {
        assert.match(explain(bindingFacts({ object: undefined })), /does not exist/);
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
