// Install path: the TypeScript example as most users run a program, a project folder
// (Pulumi.yaml, runtime nodejs) under the pulumi CLI, through the Node.js language host
// (PULUMI_LANGUAGE_NODEJS, built elsewhere): `pulumi up`, `pulumi preview
// --expect-no-changes`, a selector typo that the wait's failure explains, `pulumi destroy`.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { withLanguageHost } from "../harness";
import { pairNamespaces } from "../lifecycle/pairWorld";
import { assertPairReady, freshFolder, removeFreshFolders, repoRoot, run, typescriptProject } from "./installWorld";

const example = path.join(repoRoot, "examples", "typescript");
const SKUPPER_HALVES = "attachedconnectors.skupper.io,attachedconnectorbindings.skupper.io";

describe("install path: the TypeScript example as a project folder under the pulumi CLI", function () {
    after(removeFreshFolders);

    it("comes up ready, previews no changes, explains a selector typo and destroys to nothing", async function () {
        const env = withLanguageHost(this, "nodejs", "the TypeScript project under the pulumi CLI");
        const { shop, west } = await pairNamespaces("cli-ts");
        const project = freshFolder("cli-ts");
        typescriptProject(project);
        for (const file of ["Pulumi.yaml", "tsconfig.json", "index.ts"])
            fs.copyFileSync(path.join(example, file), path.join(project, file));
        const pulumi = (...args: string[]) => run("pulumi", args, project, env);
        pulumi("stack", "init", "cli-ts");
        pulumi("config", "set", "workloadNamespace", shop);
        pulumi("config", "set", "siteNamespace", west);

        pulumi("up", "--yes");
        assertPairReady("typescript under the CLI", JSON.parse(pulumi("stack", "output", "--json")));
        pulumi("preview", "--expect-no-changes");

        // The user's typo, with a short wait: the failed `up` names the pods' labels.
        const index = path.join(project, "index.ts");
        const source = fs.readFileSync(index, "utf8");
        assert.match(source, /selector: "app=backend",/);
        fs.writeFileSync(
            index,
            source.replace('selector: "app=backend",', 'selector: "app=bakend", timeoutSeconds: 15,'),
        );
        let failure = "";
        try {
            pulumi("up", "--yes", "--skip-preview");
        } catch (e) {
            failure = String(e);
        }
        assert.match(failure, /matches the selector 'app=bakend'; the pods there carry backend-\S+ \(app=backend/);
        assert.match(failure, /did you mean 'app=backend'\?/);

        pulumi("destroy", "--yes");
        // Checked with kubectl, as a user would (this process's own connections to the API
        // server went stale while the CLI ran).
        for (const namespace of [shop, west]) {
            const left = run("kubectl", ["get", SKUPPER_HALVES, "-n", namespace, "-o", "name"], project, env);
            assert.equal(left.trim(), "", `nothing is left in ${namespace}`);
        }
        assert.equal(JSON.parse(pulumi("stack", "export")).deployment.resources?.length ?? 0, 0);
    });
});
