// A link removed from a program whose sites stay, then declared again. Skupper names the
// Link and its Secret after the token and keeps them when the token goes, so the new
// token's redemption finds them: the up fails naming them and what to do, and after the
// user does it (delete both, replace the used grant) the sites link again. Destroying
// the stack with its sites leaves nothing of the link in either cluster.
import * as assert from "node:assert/strict";
import { paths } from "../../localenv/cluster/kubeClient";
import { waitFor } from "../../localenv/cluster/processes";
import { newStack } from "../harness";
import { outputsOf } from "../lifecycle/pairWorld";
import { linkBetween, sitesToLink, waitForLinkSettled, westAndEast } from "./linkWorld";

describe("SkupperLink removed and declared again while its sites stay", function () {
    this.timeout(600000);

    it("names the Link and Secret Skupper kept, links again once they are deleted and the grant replaced, and leaves nothing after destroy", async function () {
        const { a, b, west, east, bKubeconfig } = await westAndEast(this, "relink");
        let linked = true;
        const stack = await newStack(async () => {
            const sites = sitesToLink(west, east, bKubeconfig);
            if (!linked) return { linked };
            const { link } = linkBetween(sites, west, east);
            return { linked, redeemed: link.redeemed, configured: link.configured };
        }, "relink");
        const linkPath = paths.skupper(east, "Link", "to-west");
        const secretPath = `${paths.secrets(east)}/to-west`;
        const grantPath = paths.skupper(west, "AccessGrant", "to-east");
        const tokenPath = paths.skupper(east, "AccessToken", "to-west");

        const first = outputsOf(await stack.up());
        assert.deepEqual([first.redeemed, first.configured], [true, true]);
        await waitForLinkSettled(b.kube, east, "to-west");

        // Unlinked in the program: Pulumi deletes the grant and the token, Skupper keeps the rest.
        linked = false;
        await stack.up();
        assert.equal(await a.kube.find(grantPath), undefined, "the grant is deleted");
        assert.equal(await b.kube.find(tokenPath), undefined, "the token is deleted");
        assert.ok(await b.kube.find(linkPath), "Skupper keeps the Link it made of the token");
        assert.ok(await b.kube.find(secretPath), "Skupper keeps the Link's Secret");

        linked = true;
        await assert.rejects(
            stack.up(),
            new RegExp(
                `already exists; expected no Link or Secret 'to-west' in namespace '${east}'.*` +
                    "delete both, then replace the grant",
            ),
        );

        // What the message says to do.
        await b.kube.delete(linkPath);
        await b.kube.delete(secretPath);
        const { deployment } = await stack.exportStack();
        const grant = deployment.resources.find(
            (r: { type: string }) => r.type === "kubernetes:skupper.io/v2alpha1:AccessGrant",
        );
        const again = outputsOf(await stack.up({ replace: [grant.urn] }));
        assert.deepEqual([again.redeemed, again.configured], [true, true]);
        await waitForLinkSettled(b.kube, east, "to-west");

        // The linking Site owns Skupper's Link and Secret: they go with it.
        await stack.destroy();
        assert.equal(await a.kube.find(grantPath), undefined);
        assert.equal(await b.kube.find(tokenPath), undefined);
        for (const [what, path] of [
            ["Link", linkPath],
            ["Secret", secretPath],
        ]) {
            await waitFor(
                `the ${what} ${east}/to-west deleted with its Site`,
                async () => ((await b.kube.find(path)) === undefined ? true : undefined),
                60000,
            );
        }
    });
});
