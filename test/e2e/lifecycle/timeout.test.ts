// Scenario 6: a pair that cannot become ready. up fails after timeoutSeconds (not the
// provider's default ten minutes), naming the half that did not become ready and
// saying why: Skupper's own message, that Skupper wrote no status because the site
// namespace has no Site, or that the partner never started for want of a parallel step.
import * as assert from "node:assert/strict";
import { pairWorld } from "./pairWorld";

describe("lifecycle: a pair that does not become ready", function () {
    this.timeout(600000);

    it("fails after timeoutSeconds on the binding of a site namespace without a Site, saying so", async () => {
        const world = await pairWorld("no-site", { site: false, args: { timeoutSeconds: 15 } });
        const started = Date.now();
        const error = await world.stack.up().then(
            () => undefined,
            (e: Error) => e,
        );
        const seconds = (Date.now() - started) / 1000;
        assert.ok(error, "up must fail");
        console.log(`      up failed after ${seconds.toFixed(1)} s (timeoutSeconds 15)`);
        assert.ok(seconds < 15 * 4, `up took ${seconds} s: the pair's timeoutSeconds was not applied`);
        assert.match(
            error.message,
            new RegExp(
                `AttachedConnectorBinding ${world.west}/backend did not become Configured: Skupper wrote no status on it: is there a Skupper Site in namespace '${world.west}'\\?`,
            ),
        );
        assert.match(error.message, /backend-binding/, "the error is reported on the binding half");
    });

    it("fails on the connector with Skupper's message when no pod matches the selector", async () => {
        const world = await pairWorld("no-pods", { replicas: 0, args: { timeoutSeconds: 15 } });
        const error = await world.stack.up().then(
            () => undefined,
            (e: Error) => e,
        );
        assert.ok(error, "up must fail");
        // Skupper's message, or none at all when it handled the binding first (it then reports
        // on the connector only once a pod of the selector exists).
        assert.match(
            error.message,
            new RegExp(
                `AttachedConnector ${world.shop}/backend did not become Ready: ` +
                    "(Skupper says (Error|Pending): (No matches for selector|Not ready)|Skupper wrote no status on it: .* waiting for a first pod that matches the selector)",
            ),
        );
        assert.match(error.message, /backend-connector/, "the error is reported on the connector half");
    });

    it("with --parallel 1, says that the half waited for a partner that never started", async () => {
        // One step at a time: the first half waits for the other, which cannot start.
        const world = await pairWorld("serial", { args: { timeoutSeconds: 15 } });
        const error = await world.stack.up({ parallel: 1 }).then(
            () => undefined,
            (e: Error) => e,
        );
        assert.ok(error, "up must fail");
        assert.match(
            error.message,
            new RegExp(
                `(AttachedConnector ${world.shop}/backend did not become Ready|AttachedConnectorBinding ${world.west}/backend did not become Configured): ` +
                    "Skupper says Error: No matching AttachedConnector.*; the (AttachedConnectorBinding in namespace '" +
                    world.west +
                    "'|AttachedConnector in namespace '" +
                    world.shop +
                    "') does not exist: " +
                    "it failed, or it never started because halves waiting for their partners held all of pulumi's parallel steps",
            ),
        );
        const result = await world.stack.up({ parallel: 2 });
        assert.equal(result.outputs.ready?.value, true, "with a step for each half, the same pair becomes ready");
    });
});
