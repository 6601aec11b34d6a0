// Install path: the Python SDK installed with pip into a fresh virtual environment from
// the example's requirements, outside the repository, and the example run against the
// plugin of the installed npm package.
import * as fs from "node:fs";
import * as path from "node:path";
import { e2e } from "../harness";
import { pairNamespaces } from "../lifecycle/pairWorld";
import {
    assertPairReady,
    freshFolder,
    outputsFrom,
    removeFreshFolders,
    repoRoot,
    run,
    withInstalledPlugin,
} from "./installWorld";

describe("install path: the Python SDK with pip in a fresh virtual environment", function () {
    after(removeFreshFolders);

    it("installs the example's requirements, SDK included, and brings the pair up", async () => {
        const { shop, west } = await pairNamespaces("install-python");
        // The requirements name the SDK by its path in the repository (../../sdk/python):
        // the fresh folder holds copies of both folders at the same places, since pip
        // builds a local package in its own folder.
        const root = freshFolder("python");
        const project = path.join(root, "examples", "python");
        fs.cpSync(path.join(repoRoot, "examples", "python"), project, { recursive: true });
        fs.cpSync(path.join(repoRoot, "sdk", "python"), path.join(root, "sdk", "python"), { recursive: true });
        run("python3", ["-m", "venv", path.join(root, "venv")], root);
        const python = path.join(root, "venv", "bin", "python");
        run(python, ["-m", "pip", "install", "--quiet", "-r", "requirements.txt"], project);
        // `pulumi up` would need the Python language host, which this machine cannot
        // install: up.py runs the example's program through the Automation API.
        const stdout = run(
            python,
            [
                path.join(__dirname, "python", "up.py"),
                project,
                "install-python",
                e2e().toolchain.dir,
                JSON.stringify({ workloadNamespace: shop, siteNamespace: west }),
            ],
            project,
            withInstalledPlugin(),
        );
        assertPairReady("python", outputsFrom(stdout));
    });
});
