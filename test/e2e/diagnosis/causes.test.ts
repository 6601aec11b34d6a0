// A pair that cannot become ready: up fails after timeoutSeconds (not the provider's ten
// minutes), on the binding, and says what is wrong, found in the cluster: a selector that
// matches no pod (with the labels the pods do carry, and the one probably meant; also
// when the connector came after its binding, which then still says it is missing), pods
// that match but are not Running and Ready, a site namespace without a Site (and a note
// when it has more than one).
import * as assert from "node:assert/strict";
import { Stack } from "@pulumi/pulumi/automation";
import { SiteHalf } from "../../../provider/index";
import { paths } from "../../localenv/cluster/kubeClient";
import { createDeployment, waitForReadyPods } from "../../localenv/cluster/objects";
import { e2e, newStack } from "../harness";
import { pairNamespaces, pairWorld } from "../lifecycle/pairWorld";

/** Runs up, which must fail; returns the error's message and how long up took. */
async function failedUp(stack: Stack): Promise<{ message: string; seconds: number }> {
    const started = Date.now();
    const error = await stack.up().then(
        () => undefined,
        (e: Error) => e,
    );
    assert.ok(error, "up must fail");
    const seconds = (Date.now() - started) / 1000;
    return { message: error.message, seconds };
}

/** The line of pulumi's output that carries the component's explanation, for the log. */
function explanation(message: string): string {
    return message.split("\n").find((l) => l.includes("did not become")) ?? message;
}

describe("diagnosis: why a pair did not become ready", function () {
    this.timeout(600000);

    it("names a selector that matches no pod, the labels the pods carry, and the label meant", async () => {
        const { kube } = e2e();
        const world = await pairWorld("typo", { replicas: 0, args: { selector: "app=crat", timeoutSeconds: 15 } });
        await createDeployment(kube, world.shop, "cart", { app: "cart" }, 2);
        await waitForReadyPods(kube, world.shop, "app=cart", 2);
        const { message, seconds } = await failedUp(world.stack);
        console.log(`      up failed after ${seconds.toFixed(1)} s: ${explanation(message)}`);
        assert.ok(seconds < 15 * 4, `up took ${seconds} s: the pair's timeoutSeconds was not applied`);
        assert.match(
            message,
            new RegExp(
                `AttachedConnectorBinding ${world.west}/backend did not become Configured: no pod in namespace '${world.shop}' ` +
                    `matches the selector 'app=crat'; the pods there carry cart-[a-z0-9-]+ \\(app=cart, pod-template-hash=[a-z0-9]+\\), ` +
                    `cart-[a-z0-9-]+ \\(app=cart, pod-template-hash=[a-z0-9]+\\); did you mean 'app=cart'\\?`,
            ),
        );
        assert.match(message, /backend-binding/, "the error is reported on the binding");
    });

    it("names a selector changed to one that matches no pod, which Skupper reports through the binding's new generation", async () => {
        const world = await pairWorld("typo-later", { args: { timeoutSeconds: 15 } });
        assert.equal((await world.stack.up()).outputs.ready.value, true);
        world.args.selector = "app=crat";
        const { message } = await failedUp(world.stack);
        console.log(`      ${explanation(message)}`);
        assert.match(
            message,
            new RegExp(
                `AttachedConnectorBinding ${world.west}/backend did not become Configured: no pod in namespace '${world.shop}' ` +
                    "matches the selector 'app=crat'; the pods there carry backend-",
            ),
        );
        assert.match(message, /Skupper says Error: No matches for selector/);
    });

    it("counts pods that match but are not Running and Ready, and names includeNotReadyPods", async () => {
        const { kube } = e2e();
        const world = await pairWorld("unready", { replicas: 0, args: { timeoutSeconds: 15 } });
        // A pod no node can take stays Pending.
        await kube.create(`/api/v1/namespaces/${world.shop}/pods`, {
            metadata: { name: "backend-pending", labels: { app: "backend" } },
            spec: {
                nodeSelector: { "skupper-pulumi.dev/no-such-node": "true" },
                containers: [{ name: "app", image: "registry.invalid/app:1" }],
            },
        });
        const { message } = await failedUp(world.stack);
        console.log(`      ${explanation(message)}`);
        assert.match(
            message,
            new RegExp(
                `did not become Configured: 1 pod in namespace '${world.shop}' match the selector 'app=backend', ` +
                    "but none is Running and Ready \\(1 Pending\\); Skupper routes only to Running, Ready pods " +
                    "\\(includeNotReadyPods also counts pods that are Running but not Ready\\)",
            ),
        );
    });

    it("names the selector that matches no pod when the connector came after its binding, not a controller", async () => {
        // The site team went first: the binding says its connector is missing. The connector
        // then comes, selecting no pod, and Skupper writes nothing more on either half.
        const { kube } = e2e();
        const { shop, west } = await pairNamespaces("unreported", { replicas: 0 });
        const siteArgs = { siteNamespace: west, connectorNamespace: shop, timeoutSeconds: 15, awaitPartner: false };
        const site = await newStack(async () => {
            new SiteHalf("backend", siteArgs);
        }, "unreported-site");
        await site.up();
        await kube.create(paths.skupper(shop, "AttachedConnector"), {
            apiVersion: "skupper.io/v2alpha1",
            kind: "AttachedConnector",
            metadata: { name: "backend" },
            spec: { siteNamespace: west, port: 8080, selector: "app=backend" },
        });
        siteArgs.awaitPartner = true;
        const { message } = await failedUp(site);
        console.log(`      ${explanation(message)}`);
        assert.match(
            message,
            new RegExp(
                `AttachedConnectorBinding ${west}/backend did not become Configured: no pod runs in namespace '${shop}', so none matches the selector 'app=backend'; ` +
                    `the AttachedConnector 'backend' exists in namespace '${shop}'`,
            ),
        );
        assert.doesNotMatch(explanation(message), /controller/);
    });

    it("says the site namespace has no Skupper Site", async () => {
        const world = await pairWorld("no-site", { site: false, args: { timeoutSeconds: 15 } });
        const { message } = await failedUp(world.stack);
        console.log(`      ${explanation(message)}`);
        assert.match(
            message,
            new RegExp(
                `AttachedConnectorBinding ${world.west}/backend did not become Configured: namespace '${world.west}' has no Skupper Site: ` +
                    "Skupper handles attached connectors only through the Site of the site namespace; create one there",
            ),
        );
    });

    it("notes a site namespace with more than one Site beside the cause", async () => {
        const { env } = e2e();
        const world = await pairWorld("two-sites", { replicas: 0, args: { timeoutSeconds: 15 } });
        await env.createSite(world.west, "second");
        const { message } = await failedUp(world.stack);
        console.log(`      ${explanation(message)}`);
        assert.match(
            message,
            new RegExp(
                `no pod runs in namespace '${world.shop}'.*; note that namespace '${world.west}' has 2 Skupper Sites \\((site, second|second, site)\\), of which Skupper uses one`,
            ),
        );
    });
});
