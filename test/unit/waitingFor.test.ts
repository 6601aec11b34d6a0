// What one team's half waits for (its waitingFor output), from the status Skupper wrote
// on it and, where the cluster could be read, its partner and the workload's pods.
import * as assert from "node:assert/strict";
import { HalfObject, PodFacts } from "../../provider/diagnosis/facts";
import { waitingFor } from "../../provider/diagnosis/waitingFor";

const configured = (status: string, message: string) => ({
    status: status === "True" ? "Ready" : "Error",
    message,
    conditions: [
        {
            type: "Configured",
            status,
            reason: status === "True" ? "Ready" : "Error",
            message,
            lastTransitionTime: "2026-12-01T00:00:00Z",
            observedGeneration: 1,
        },
    ],
});

const connector = (status?: HalfObject["status"]): HalfObject => ({
    metadata: { name: "backend", namespace: "shop", generation: 1 },
    spec: { siteNamespace: "west", selector: "app=backend" },
    status,
});
const binding = (status?: HalfObject["status"]): HalfObject => ({
    metadata: { name: "backend", namespace: "west", generation: 1 },
    spec: { connectorNamespace: "shop", routingKey: "backend" },
    status,
});
const pod = (name: string, labels: Record<string, string>): PodFacts => ({
    name,
    labels,
    phase: "Running",
    ready: true,
    deleting: false,
});
const noPods = { all: [], matching: [] };
const stale = configured("False", "No matching AttachedConnector");
const podNeeded =
    "a Running, Ready pod in namespace 'shop' matching the selector 'app=backend', which Skupper needs before it reports on the pair: ";

describe("what one team's half waits for", () => {
    describe("the workload team's connector, on which Skupper wrote nothing", () => {
        it("names the selector that matches no pod, when the pods are known", () => {
            assert.equal(
                waitingFor("AttachedConnector", connector(), { pods: noPods }),
                podNeeded + "no pod runs in namespace 'shop', so none matches the selector 'app=backend'",
            );
            assert.equal(
                waitingFor("AttachedConnector", connector(), {
                    pods: { all: [pod("web-1", { app: "web" })], matching: [] },
                }),
                podNeeded +
                    "no pod in namespace 'shop' matches the selector 'app=backend'; the pods there carry web-1 (app=web)",
            );
        });

        it("names the selector and the binding when the pods are not known, and the controller last", () => {
            assert.equal(
                waitingFor("AttachedConnector", connector()),
                "Skupper's first report on it: at once while the AttachedConnectorBinding 'backend' in namespace 'west' is missing (the site team declares it), otherwise once a pod in namespace 'shop' matching the selector 'app=backend' is Running and Ready (a Skupper controller must watch this namespace)",
            );
        });

        it("names the binding when it is known to be missing, which Skupper is about to report", () => {
            assert.equal(
                waitingFor("AttachedConnector", connector(), { partner: null, pods: noPods }),
                "the AttachedConnectorBinding 'backend' in namespace 'west', which the site team declares",
            );
        });

        it("names the controller when Running, Ready pods match", () => {
            const ready = [pod("backend-1", { app: "backend" })];
            assert.equal(
                waitingFor("AttachedConnector", connector(), { pods: { all: ready, matching: ready } }),
                "Skupper to report on it (a Skupper controller must watch this namespace)",
            );
        });
    });

    describe("the site team's binding, on which Skupper still says its connector is missing", () => {
        it("names the connector while it does not exist, or while nothing is known of it", () => {
            const missing = "the AttachedConnector 'backend' in namespace 'shop', which the workload team declares";
            assert.equal(waitingFor("AttachedConnectorBinding", binding(stale)), missing);
            assert.equal(waitingFor("AttachedConnectorBinding", binding(stale), { partner: null }), missing);
        });

        it("names the selector that matches no pod once the connector exists, with no status", () => {
            assert.equal(
                waitingFor("AttachedConnectorBinding", binding(stale), { partner: connector(), pods: noPods }),
                podNeeded + "no pod runs in namespace 'shop', so none matches the selector 'app=backend'",
            );
        });

        it("names the selector, or a controller, when the connector exists but its pods cannot be read", () => {
            assert.equal(
                waitingFor("AttachedConnectorBinding", binding(stale), { partner: connector() }),
                "a Running, Ready pod in namespace 'shop' matching the selector 'app=backend' of the AttachedConnector 'backend', which exists there: Skupper reports on the pair only once there is one (and a Skupper controller watches that namespace)",
            );
        });

        it("still names the connector when Skupper has reported on it", () => {
            assert.equal(
                waitingFor("AttachedConnectorBinding", binding(stale), {
                    partner: connector(configured("False", "No matching AttachedConnectorBinding in site namespace")),
                    pods: noPods,
                }),
                "the AttachedConnector 'backend' in namespace 'shop', which the workload team declares",
            );
        });
    });
});
