// A link between sites in two clusters, declared in one Pulumi program with a provider per
// cluster: the accepting site and its grant in cluster a, the linking site and its
// SkupperLink in cluster b. Skupper's own controllers serve, redeem and configure; the
// code and CA stay secrets in the state.
import { paths } from "../../localenv/cluster/kubeClient";
import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { e2e, newStack, pulumiEnv, storedState } from "../harness";
import { assertSettled, outputsOf } from "../lifecycle/pairWorld";
import { linkedSites, waitForLinkSettled, waitForSitesInNetwork, westAndEast } from "./linkWorld";

describe("SkupperGrant and SkupperLink: two clusters linked in one program", function () {
    this.timeout(600000);

    it("redeems the grant in b into a configured Link to a's site, keeps the code and CA secret, changes its cost in place, fails the next up once the Link is deleted, and destroys grant and token without bringing the Link back", async function () {
        const { a, b, west, east, bKubeconfig } = await westAndEast(this, "link");
        let cost: number | undefined = undefined;
        const stack = await newStack(async () => {
            const { grant, link } = linkedSites(west, east, bKubeconfig, cost);
            return {
                url: grant.url,
                code: grant.code,
                grantReady: grant.ready,
                redemptions: grant.redemptions,
                redeemed: link.redeemed,
                configured: link.configured,
                linkStatus: link.status,
            };
        }, "link");
        const started = Date.now();
        const up = await stack.up();
        const outputs = outputsOf(up);
        console.log(
            `      up: redeemed ${outputs.redeemed}, configured ${outputs.configured}, link ${outputs.linkStatus} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
        );
        assert.equal(up.outputs.code.secret, true, "the code is a secret output");
        assert.deepEqual([outputs.grantReady, outputs.redeemed, outputs.configured], [true, true, true]);
        assert.match(outputs.url, new RegExp(`^https://${a.grantServer!.baseUrl}/`));

        const link = await b.kube.get(paths.skupper(east, "Link", "to-west"));
        const site = await a.kube.get(paths.skupper(west, "Site", "west"));
        assert.deepEqual(link.spec.endpoints, site.status.endpoints, "the Link goes to west's endpoints");
        const grant = await a.kube.get(paths.skupper(west, "AccessGrant", "to-east"));
        const state = storedState(stack);
        for (const [what, value] of [
            ["code", grant.status.code],
            ["CA", grant.status.ca.split("\n")[1]],
        ]) {
            assert.ok(!state.includes(value), `the grant's ${what} appears in plain text in the stored state`);
        }
        // As `pulumi stack export` shows it (the Automation API's exportStack shows secrets).
        const exported = execFileSync(e2e().pulumi.command, ["stack", "export", "--stack", stack.name], {
            cwd: stack.workspace.workDir,
            env: { ...process.env, ...pulumiEnv() },
            encoding: "utf8",
        });
        assert.match(exported, /"resources"/);
        assert.ok(!exported.includes(grant.status.code), "the code appears in plain text in `pulumi stack export`");

        // The next plain up shows the redemption on the grant's side, and the network grown.
        await waitForSitesInNetwork(a.kube, west, "west", 2);
        await waitForSitesInNetwork(b.kube, east, "east", 2);
        await waitForLinkSettled(b.kube, east, "to-west");
        const later = outputsOf(await stack.up());
        assert.equal(later.redemptions, 1);
        await assertSettled(stack);

        // A new cost applies to Skupper's Link in place: the token is not redeemed again.
        const token = await b.kube.get(paths.skupper(east, "AccessToken", "to-west"));
        cost = 5;
        await stack.up();
        assert.equal((await b.kube.get(paths.skupper(east, "Link", "to-west"))).spec.cost, 5);
        assert.equal(
            (await b.kube.get(paths.skupper(east, "AccessToken", "to-west"))).metadata.uid,
            token.metadata.uid,
        );

        // Skupper's Link deleted by hand: the next plain up fails, naming it.
        await b.kube.delete(paths.skupper(east, "Link", "to-west"));
        await assert.rejects(stack.up(), /resource '[a-z0-9-]+\/to-west' does not exist/);

        // Destroyed with the Link gone: nothing brings it back.
        await stack.destroy();
        assert.equal(await a.kube.find(paths.skupper(west, "AccessGrant", "to-east")), undefined);
        assert.equal(await b.kube.find(paths.skupper(east, "AccessToken", "to-west")), undefined);
        assert.equal(await b.kube.find(paths.skupper(east, "Link", "to-west")), undefined, "a Link to-west is back");
    });
});
