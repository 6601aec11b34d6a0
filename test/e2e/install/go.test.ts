// Install path: the Go SDK from a fresh module outside the repository, through a
// replace of its module path by the committed sdk/go; the example's program is built and
// run against the plugin of the installed npm package.
import * as fs from "node:fs";
import * as path from "node:path";
import { e2e } from "../harness";
import { pairNamespaces } from "../lifecycle/pairWorld";
import {
    assertPairReady,
    goExampleModule,
    removeFreshFolders,
    repoRoot,
    run,
    withInstalledPlugin,
} from "./installWorld";

const SDK_MODULE = "github.com/skupper-pulumi/attached-connector/sdk/go";

describe("install path: the Go SDK from a fresh module through a replace", function () {
    after(removeFreshFolders);

    it("builds the example's program and brings the pair up", async () => {
        const { shop, west } = await pairNamespaces("install-go");
        const module = goExampleModule("go", [
            `-replace=${SDK_MODULE}=${path.join(repoRoot, "sdk", "go")}`,
            `-require=${SDK_MODULE}@v0.0.0`,
        ]);
        run("go", ["mod", "tidy"], module);
        run("go", ["build", "-o", "skupper-pair", "."], module);
        // `pulumi up` would need the Go language host, which this machine cannot install:
        // up_test.go runs the same program function through the Automation API.
        fs.copyFileSync(path.join(__dirname, "go", "up_test.go"), path.join(module, "up_test.go"));
        run("go", ["mod", "tidy"], module);
        const stdout = run("go", ["test", "-count=1", "-run", "TestUp", "-v", "."], module, {
            ...withInstalledPlugin(),
            PULUMI_ROOT: e2e().toolchain.dir,
            UP_STACK: "install-go",
            UP_CONFIG: JSON.stringify({ workloadNamespace: shop, siteNamespace: west }),
        });
        const line = stdout.split("\n").find((l) => l.startsWith("outputs: "));
        assertPairReady("go", JSON.parse(line?.slice("outputs: ".length) ?? "{}"));
    });
});
