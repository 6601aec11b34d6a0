// Install path: examples/multi-cluster from fresh folders outside the repository, with the
// package from its tarball and the real `pulumi up`, in the README's order: the program
// with a provider per cluster, then the two teams' stacks, each on its own cluster's
// credentials, the second reading the first's grant through a StackReference.
import { paths } from "../../localenv/cluster/kubeClient";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { createDeployment, waitForReadyPods } from "../../localenv/cluster/objects";
import { e2e } from "../harness";
import { secondCluster } from "../secondCluster";
import { freshFolder, packedTarball, removeFreshFolders, repoRoot, run } from "./installWorld";

const example = path.join(repoRoot, "examples", "multi-cluster", "yaml");

describe("install path: the multi-cluster example", function () {
    this.timeout(900000);
    after(removeFreshFolders);

    it("links two clusters and exposes the workload of one in the other, in one program and as two stacks", async function () {
        const a = e2e().env;
        const b = await secondCluster(this);
        const [shop, west, east] = [a.namespace("multi-shop"), a.namespace("multi-west"), a.namespace("multi-east")];
        await a.createNamespaces(shop, west);
        await b.createNamespaces(east);
        await createDeployment(a.kube, shop, "backend", { app: "backend" }, 1);
        await waitForReadyPods(a.kube, shop, "app=backend", 1);

        const project = freshFolder("multi-cluster-yaml");
        fs.cpSync(example, project, { recursive: true });
        run("npm", ["install", packedTarball()], project);
        const backend = { PULUMI_BACKEND_URL: `file://${freshFolder("multi-cluster-state")}` };
        const pulumi = (program: string, args: string[], env: Record<string, string> = {}) =>
            run("pulumi", args, path.join(project, program), { ...backend, ...env });
        const up = (program: string, config: Record<string, string>, env: Record<string, string> = {}) => {
            pulumi(program, ["stack", "select", "--create", "dev"], env);
            for (const [key, value] of Object.entries(config)) {
                const secret = key.endsWith("Kubeconfig") ? ["--secret"] : [];
                pulumi(program, ["config", "set", ...secret, key, value], env);
            }
            pulumi(program, ["up", "--yes", "--skip-preview"], env);
            return JSON.parse(pulumi(program, ["stack", "output", "--json"], env));
        };

        const one = up("one-program", {
            westKubeconfig: fs.readFileSync(a.kubeconfig, "utf8"),
            eastKubeconfig: fs.readFileSync(b.kubeconfig, "utf8"),
            workloadNamespace: shop,
            westNamespace: west,
            eastNamespace: east,
        });
        console.log(`      one program: ${JSON.stringify(one)}`);
        assert.deepEqual([one.linkConfigured, one.ready, one.hasMatchingConnector], [true, true, true]);
        pulumi("one-program", ["destroy", "--yes", "--skip-preview"]);

        // Each team on its own cluster, its kubeconfig the ambient one.
        const accepting = up("accepting", { westNamespace: west }, { KUBECONFIG: a.kubeconfig });
        assert.equal(accepting.ready, true);
        const linking = up(
            "linking",
            { eastNamespace: east, acceptingStack: "organization/accepting/dev" },
            { KUBECONFIG: b.kubeconfig },
        );
        console.log(`      two stacks: linking ${JSON.stringify(linking)}`);
        assert.deepEqual([linking.redeemed, linking.configured], [true, true]);
        const state = pulumi("linking", ["stack", "export"], { KUBECONFIG: b.kubeconfig });
        const code = (await a.kube.get(paths.skupper(west, "AccessGrant", "to-east"))).status.code;
        assert.ok(!state.includes(code), "the code is in plain text in `pulumi stack export` of the linking stack");
        pulumi("linking", ["destroy", "--yes", "--skip-preview"], { KUBECONFIG: b.kubeconfig });
        pulumi("accepting", ["destroy", "--yes", "--skip-preview"], { KUBECONFIG: a.kubeconfig });
    });
});
