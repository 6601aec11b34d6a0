// Two-sided consent: each half created with the credentials of its own namespace's
// owner (a ServiceAccount token with RBAC on that namespace only), passed as
// connectorProvider and bindingProvider. A provider without rights fails the up naming
// the half and the namespace; what was created stays in the state, nothing silently.
// Also: nothing secret ends up in plain text in the state or the outputs.
import * as assert from "node:assert/strict";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { AttachedConnectorPair } from "../../../provider/index";
import { paths } from "../../localenv/cluster/kubeClient";
import { createDeployment, waitForReadyPods } from "../../localenv/cluster/objects";
import { e2e, newStack, storedState } from "../harness";
import { live, objectsIn, outputsOf } from "../lifecycle/pairWorld";

/** The rights each side needs: its own half, in its own namespace (the provider watches it while it waits). */
const verbs = ["get", "list", "watch", "create", "update", "patch", "delete"];
const workloadRules = [{ apiGroups: ["skupper.io"], resources: ["attachedconnectors"], verbs }];
const siteRules = [{ apiGroups: ["skupper.io"], resources: ["attachedconnectorbindings"], verbs }];

async function twoTeams(base: string) {
    const { env, kube } = e2e();
    const shop = env.namespace(`${base}-shop`);
    const west = env.namespace(`${base}-west`);
    await env.createNamespaces(shop, west);
    await env.createSite(west);
    await createDeployment(kube, shop, "backend", { app: "backend" });
    await waitForReadyPods(kube, shop, "app=backend", 1);
    return {
        shop,
        west,
        workloadKubeconfig: await env.teamKubeconfig(shop, "workload-team", workloadRules),
        siteKubeconfig: await env.teamKubeconfig(west, "site-team", siteRules),
    };
}

describe("two-sided consent: each half through its own namespace's credentials", function () {
    this.timeout(600000);

    it("creates the pair with each half through its own provider, and keeps the tokens secret in the state", async () => {
        const teams = await twoTeams("consent");
        await e2e().kube.ensure(paths.secrets(teams.west), {
            metadata: { name: "backend-tls" },
            stringData: { "tls.key": "not-a-real-key-0451" },
        });
        const stack = await newStack(async () => {
            // As the README says: the Kubernetes provider keeps a kubeconfig in the state as
            // given, so credentials go in as secrets.
            const workloadTeam = new k8s.Provider("workload-team", {
                kubeconfig: pulumi.secret(teams.workloadKubeconfig),
            });
            const siteTeam = new k8s.Provider("site-team", { kubeconfig: pulumi.secret(teams.siteKubeconfig) });
            const pair = new AttachedConnectorPair("backend", {
                connectorNamespace: teams.shop,
                siteNamespace: teams.west,
                port: 8080,
                selector: "app=backend",
                tlsCredentials: "backend-tls",
                connectorProvider: workloadTeam,
                bindingProvider: siteTeam,
            });
            return { ready: pair.ready, connectorStatus: pair.connectorStatus };
        }, "consent");
        const outputs = outputsOf(await stack.up());
        assert.equal(outputs.ready, true);

        const state = storedState(stack);
        for (const kubeconfig of [teams.workloadKubeconfig, teams.siteKubeconfig]) {
            const token = JSON.parse(kubeconfig).users[0].user.token as string;
            assert.ok(!state.includes(token), "a team's token is in the state in plain text");
            assert.ok(!JSON.stringify(outputs).includes(token), "a team's token is in the outputs");
        }
        assert.ok(!state.includes("not-a-real-key-0451"), "the TLS Secret's content is in the state");
        const resources: { type: string; urn: string; provider?: string }[] = (await stack.exportStack()).deployment
            .resources;
        const providerOf = (type: string) => resources.find((r) => r.type === type)?.provider ?? "";
        assert.match(providerOf("kubernetes:skupper.io/v2alpha1:AttachedConnector"), /::workload-team::/);
        assert.match(providerOf("kubernetes:skupper.io/v2alpha1:AttachedConnectorBinding"), /::site-team::/);
        assert.equal((await live("AttachedConnector", teams.shop, "backend"))?.spec.tlsCredentials, "backend-tls");
        await stack.destroy();
    });

    it("fails on the half whose provider has no rights in its namespace, naming it; the other half is kept in the state", async () => {
        const teams = await twoTeams("no-consent");
        const stack = await newStack(async () => {
            const workloadTeam = new k8s.Provider("workload-team", {
                kubeconfig: pulumi.secret(teams.workloadKubeconfig),
            });
            new AttachedConnectorPair("backend", {
                connectorNamespace: teams.shop,
                siteNamespace: teams.west,
                port: 8080,
                selector: "app=backend",
                timeoutSeconds: 20,
                // The workload team's credentials cannot create the site namespace's half.
                connectorProvider: workloadTeam,
                bindingProvider: workloadTeam,
            });
            return { ok: pulumi.output(true) };
        }, "no-consent");
        const error = await stack.up().then(
            () => undefined,
            (e: Error) => e,
        );
        assert.ok(error, "up must fail");
        assert.match(error.message, new RegExp(`AttachedConnectorBinding ${teams.west}/backend: create failed`));
        // Server-side apply creates with a PATCH.
        assert.match(
            error.message,
            new RegExp(`cannot (create|patch) resource "attachedconnectorbindings" .*in the namespace "${teams.west}"`),
        );

        const resources: { type: string }[] = (await stack.exportStack()).deployment.resources ?? [];
        assert.ok(
            resources.some((r) => r.type === "kubernetes:skupper.io/v2alpha1:AttachedConnector"),
            "the created half is in the state",
        );
        assert.ok(!resources.some((r) => r.type === "kubernetes:skupper.io/v2alpha1:AttachedConnectorBinding"));
        assert.deepEqual(await objectsIn("AttachedConnectorBinding", [teams.shop, teams.west]), []);
        await stack.destroy();
    });
});
