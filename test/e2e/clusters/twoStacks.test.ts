// The two-stack form of a link: the accepting cluster's team declares its site and a grant
// and exports the grant's url, code and CA (secret outputs); the linking team's stack, on
// the other cluster, reads them through a StackReference. A grant that expired before its
// token came is refused, and the linking team's up says so.
import { paths } from "../../localenv/cluster/kubeClient";
import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { SkupperGrant, SkupperLink, SkupperSite } from "../../../provider/index";
import { newStack, referenceTo, storedState } from "../harness";
import { assertSettled, outputsOf } from "../lifecycle/pairWorld";
import { waitForLinkSettled, waitForSitesInNetwork, westAndEast } from "./linkWorld";

describe("SkupperGrant and SkupperLink: one stack per team", function () {
    this.timeout(600000);

    it("links through a StackReference, the code secret in both stacks; an expired grant's token is refused", async function () {
        const { a, b, west, east, bKubeconfig } = await westAndEast(this, "stacks");

        const accepting = await newStack(async () => {
            const site = new SkupperSite("west", { namespace: west, linkAccess: "default", timeoutSeconds: 120 });
            const grant = new SkupperGrant("to-east", { namespace: west }, { dependsOn: [site] });
            const short = new SkupperGrant("short", { namespace: west, expirationWindow: "2s" }, { dependsOn: [site] });
            return {
                url: grant.url,
                code: grant.code,
                ca: grant.ca,
                shorturl: short.url,
                shortcode: short.code,
                shortca: short.ca,
            };
        }, "accepting");
        const exported = await accepting.up();
        assert.deepEqual(
            [exported.outputs.code.secret, exported.outputs.ca.secret, exported.outputs.url.secret],
            [true, true, false],
        );

        let useShortGrant = false;
        const linking = await newStack(async () => {
            const clusterB = new k8s.Provider("cluster-b", { kubeconfig: pulumi.secret(bKubeconfig) });
            const grant = referenceTo(accepting);
            const site = new SkupperSite("east", { namespace: east, timeoutSeconds: 120 }, { provider: clusterB });
            const linkTo = (name: string, prefix: string, timeoutSeconds: number) => {
                const from = (output: string) => grant.requireOutput(`${prefix}${output}`) as pulumi.Output<string>;
                return new SkupperLink(
                    name,
                    { namespace: east, url: from("url"), code: from("code"), ca: from("ca"), timeoutSeconds },
                    { provider: clusterB, dependsOn: [site] },
                );
            };
            const link = linkTo("to-west", "", 120);
            if (useShortGrant) linkTo("late", "short", 60);
            return { redeemed: link.redeemed, configured: link.configured, network: site.network };
        }, "linking");
        const outputs = outputsOf(await linking.up());
        assert.deepEqual([outputs.redeemed, outputs.configured], [true, true]);
        await waitForSitesInNetwork(b.kube, east, "east", 2);
        await waitForLinkSettled(b.kube, east, "to-west");
        assert.deepEqual(outputsOf(await linking.up()).network.sort(), ["east", "west"]);
        await assertSettled(linking);
        const code = (await a.kube.get(paths.skupper(west, "AccessGrant", "to-east"))).status.code;
        for (const stack of [accepting, linking]) {
            assert.ok(!storedState(stack).includes(code), `the code is in plain text in ${stack.name}'s state`);
        }

        // The short grant expired long before its token comes: the up fails, with Skupper's reason.
        useShortGrant = true;
        await assert.rejects(linking.up(), (e: Error) => {
            assert.match(e.message, /SkupperLink 'late': Skupper did not redeem the token: .*(No such claim|expired)/);
            return true;
        });
        useShortGrant = false;
        await linking.destroy();
        await accepting.destroy();
    });
});
