import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import rootPackage = require("../../package.json");

// package.json holds the pins; the files other tools read must repeat them exactly.
describe("the pinned versions", () => {
    it("are the ones the Python example requires", () => {
        const requirements = fs.readFileSync(path.join(__dirname, "../../examples/python/requirements.txt"), "utf8");
        assert.match(requirements, new RegExp(`^pulumi==${rootPackage.devDependencies["@pulumi/pulumi"]}$`, "m"));
        assert.match(requirements, new RegExp(`^pulumi-kubernetes==${rootPackage.devDependencies["@pulumi/kubernetes"]}$`, "m"));
    });
});
