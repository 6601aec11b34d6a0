// Install path: the npm package, packed, installed into an empty TypeScript project
// outside the repository, which compiles the TypeScript example against the package's
// types, unit-tests it under Pulumi's standard mocks as users test their programs, and
// brings the pair up on the local control plane.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { e2e } from "../harness";
import { pairNamespaces } from "../lifecycle/pairWorld";
import {
    assertPairReady,
    freshFolder,
    outputsFrom,
    typescriptProject,
    removeFreshFolders,
    repoRoot,
    run,
    tested,
} from "./installWorld";

const example = path.join(repoRoot, "examples", "typescript");

describe("install path: the npm tarball in an empty TypeScript project", function () {
    after(removeFreshFolders);

    it("compiles the example against the package's types, unit-tests it with Pulumi's mocks and brings the pair up", async () => {
        const { shop, west } = await pairNamespaces("install-ts");
        const project = freshFolder("typescript");
        typescriptProject(project, [`mocha@${tested.mocha}`, `@types/mocha@${tested.mochaTypes}`]);
        for (const file of ["Pulumi.yaml", "tsconfig.json", "index.ts", "index.test.ts"])
            fs.copyFileSync(path.join(example, file), path.join(project, file));
        run("npx", ["tsc", "-p", "tsconfig.json"], project);
        // The program's unit test, with Pulumi's standard mocks and nothing patched.
        const unitTest = run("npx", ["mocha", "bin/index.test.js"], project);
        assert.match(unitTest, /1 passing/);
        // `pulumi up` would need the Node.js language host, which this machine cannot
        // install: up.js runs the same compiled program through the Automation API.
        fs.copyFileSync(path.join(__dirname, "typescript", "up.js"), path.join(project, "up.js"));
        const stdout = run(
            "node",
            [
                "up.js",
                "install-ts",
                e2e().toolchain.dir,
                JSON.stringify({ workloadNamespace: shop, siteNamespace: west }),
            ],
            project,
        );
        assertPairReady("typescript", outputsFrom(stdout));
    });
});
