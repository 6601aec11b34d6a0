import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { manifest } from "../manifests";

const rootPackage = manifest();

// package.json holds the pins; the files other tools read must repeat them exactly.
describe("the Python example's requirements", () => {
    const requirements = fs.readFileSync(path.join(__dirname, "../../examples/python/requirements.txt"), "utf8");

    it("pin the Pulumi SDKs the package is tested with", () => {
        assert.match(requirements, new RegExp(`^pulumi==${rootPackage.devDependencies["@pulumi/pulumi"]}$`, "m"));
        assert.match(
            requirements,
            new RegExp(`^pulumi-kubernetes==${rootPackage.devDependencies["@pulumi/kubernetes"]}$`, "m"),
        );
    });

    it("name the component's SDK, from its folder", () => {
        assert.match(requirements, /^\.\.\/\.\.\/sdk\/python$/m);
    });
});
