// Each team's half alone (WorkloadHalf, SiteHalf) under Pulumi's standard mocks: the one
// object each declares, marked as having its partner elsewhere, not waiting for the other
// team by default, and its live status with what it waits for.
import * as assert from "node:assert/strict";
import {
    BINDING,
    CONNECTOR,
    mockedGeneration,
    mockedStatus,
    ofType,
    readsOf,
    resetMocks,
    setUpMocks,
    valueOf,
} from "./mocks";

type Provider = typeof import("../../provider/index");

const PARTNER_ELSEWHERE = "pulumi.skupper.io/partner-declared-elsewhere";
const condition = (type: string, status: string, message = "OK") => ({
    type,
    status,
    reason: status === "True" ? "Ready" : "Error",
    message,
    lastTransitionTime: "2026-11-30T10:00:00Z",
    observedGeneration: 1,
});

describe("one team's half alone", () => {
    let m: Provider;

    before(async () => {
        await setUpMocks();
        m = await import("../../provider/index");
    });
    beforeEach(resetMocks);

    describe("WorkloadHalf", () => {
        const args = { connectorNamespace: "shop", siteNamespace: "west", port: 8080, selector: "app=backend" };

        it("creates the AttachedConnector alone, marked as having its binding elsewhere, waiting for nothing from Skupper", async () => {
            const half = new m.WorkloadHalf("backend", { ...args, settings: { a: "1" } });
            await valueOf(half.ready);
            assert.equal(ofType(BINDING).length, 0);
            const [connector] = ofType(CONNECTOR);
            assert.deepEqual(connector.inputs.spec, {
                siteNamespace: "west",
                port: 8080,
                selector: "app=backend",
                settings: { a: "1" },
            });
            assert.equal(connector.inputs.metadata.annotations[PARTNER_ELSEWHERE], "true");
            // While the binding exists and no pod matches the selector, Skupper writes no
            // status on the connector at all: a wait for its first report could last forever.
            const waits = Object.keys(connector.inputs.metadata.annotations).filter((k) => k.startsWith("pulumi.com/"));
            assert.deepEqual(waits.sort(), ["pulumi.com/deletionPropagationPolicy", "pulumi.com/patchForce"]);
            assert.equal(readsOf(CONNECTOR).length, 1, "its status is read back");
        });

        it("waits for Ready (the binding exists and Skupper configured both) with awaitPartner", async () => {
            await valueOf(new m.WorkloadHalf("backend", { ...args, awaitPartner: true, timeoutSeconds: 60 }).ready);
            const annotations = ofType(CONNECTOR)[0].inputs.metadata.annotations;
            assert.deepEqual(
                [annotations["pulumi.com/waitFor"], annotations["pulumi.com/timeoutSeconds"]],
                ["condition=Ready", "60"],
            );
        });

        it("says it waits for the site team's binding while Skupper finds none", async () => {
            mockedStatus[CONNECTOR] = {
                status: "Error",
                message: "No matching AttachedConnectorBinding in site namespace",
                conditions: [
                    condition("Configured", "False", "No matching AttachedConnectorBinding in site namespace"),
                ],
            };
            const half = new m.WorkloadHalf("backend", args);
            assert.equal(await valueOf(half.ready), false);
            assert.equal(
                await valueOf(half.waitingFor),
                "the AttachedConnectorBinding 'backend' in namespace 'west', which the site team declares",
            );
        });

        it("names the binding and the selector while Skupper has written nothing on it", async () => {
            const half = new m.WorkloadHalf("backend", args);
            assert.deepEqual(
                [await valueOf(half.ready), await valueOf(half.status), await valueOf(half.waitingFor)],
                [
                    false,
                    "",
                    "Skupper's first report on it: at once while the AttachedConnectorBinding 'backend' in namespace 'west' is missing (the site team declares it), otherwise once a pod in namespace 'shop' matching the selector 'app=backend' is Running and Ready (a Skupper controller must watch this namespace)",
                ],
            );
        });

        it("is ready, waiting for nothing, once Skupper reports the connector Ready", async () => {
            mockedStatus[CONNECTOR] = { status: "Ready", message: "OK", conditions: [condition("Ready", "True")] };
            const half = new m.WorkloadHalf("backend", args);
            assert.deepEqual([await valueOf(half.ready), await valueOf(half.waitingFor)], [true, ""]);
        });

        it("refuses bad input naming the field, and the pair's arguments it does not take", () => {
            assert.throws(
                () => new m.WorkloadHalf("backend", { ...args, port: 0, routingKey: "x" } as never),
                (e: Error) =>
                    /^WorkloadHalf 'backend' has invalid arguments:/.test(e.message) &&
                    /port: 0 is not an integer from 1 to 65535/.test(e.message) &&
                    /routingKey: is not an argument of WorkloadHalf/.test(e.message),
            );
        });
    });

    describe("SiteHalf", () => {
        const args = { siteNamespace: "west", connectorNamespace: "shop" };

        it("creates the binding alone, marked as having its connector elsewhere, routing by its name", async () => {
            const half = new m.SiteHalf("backend", args);
            await valueOf(half.ready);
            assert.equal(ofType(CONNECTOR).length, 0);
            const [binding] = ofType(BINDING);
            assert.deepEqual(binding.inputs.spec, { connectorNamespace: "shop", routingKey: "backend" });
            assert.equal(binding.inputs.metadata.annotations[PARTNER_ELSEWHERE], "true");
            assert.equal(binding.inputs.metadata.annotations["pulumi.com/waitFor"], "jsonpath={.status.status}");
            assert.equal(await valueOf(half.routingKey), "backend");
        });

        it("waits for Configured with awaitPartner, and for Ready with awaitListener", async () => {
            await valueOf(new m.SiteHalf("a", { ...args, awaitPartner: true }).ready);
            await valueOf(new m.SiteHalf("b", { ...args, awaitListener: true }).ready);
            assert.deepEqual(
                ofType(BINDING).map((b) => b.inputs.metadata.annotations["pulumi.com/waitFor"]),
                ["condition=Configured", "condition=Ready"],
            );
        });

        it("says it waits for the workload team's connector while Skupper finds none", async () => {
            mockedStatus[BINDING] = {
                status: "Error",
                message: "No matching AttachedConnector",
                conditions: [condition("Configured", "False", "No matching AttachedConnector")],
            };
            const half = new m.SiteHalf("backend", args);
            assert.equal(
                await valueOf(half.waitingFor),
                "the AttachedConnector 'backend' in namespace 'shop', which the workload team declares",
            );
        });

        it("says Skupper has not handled a change yet while its status is for an older generation", async () => {
            mockedStatus[BINDING] = {
                status: "Ready",
                conditions: [{ ...condition("Configured", "True"), observedGeneration: 1 }],
            };
            mockedGeneration[BINDING] = 2;
            const half = new m.SiteHalf("backend", args);
            assert.equal(
                await valueOf(half.waitingFor),
                "Skupper to handle its latest change (generation 2; it last saw 1)",
            );
        });

        it("says Skupper has not reported when the binding has no status", async () => {
            const half = new m.SiteHalf("backend", args);
            assert.match(await valueOf(half.waitingFor), /is there a Skupper Site in namespace 'west'\?/);
        });
    });
});
