// The pack as a whole: its policies, levels, config schemas, order and dependencies.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { policies } from "../../policy/policies";
import { manifest } from "../manifests";

const rootPackage = manifest();
const packPackage = manifest("policy");

describe("the policy pack", () => {
    it("has exactly the documented policies, at their documented levels", () => {
        assert.deepEqual(Object.fromEntries(policies.map((p) => [p.name, p.enforcementLevel])), {
            "skupper-port-range": "mandatory",
            "skupper-selector": "mandatory",
            "skupper-connector-type": "mandatory",
            "skupper-object-name-format": "mandatory",
            "skupper-routing-key-format": "mandatory",
            "skupper-listener-service": "mandatory",
            "skupper-no-self-attachment": "mandatory",
            "skupper-no-system-namespaces": "mandatory",
            "skupper-namespace-grants": "mandatory",
            "skupper-bounded-grants": "mandatory",
            "skupper-token-https": "mandatory",
            "skupper-link-cost": "advisory",
            "skupper-require-tls": "disabled",
            "skupper-expose-pods-by-name": "advisory",
            "skupper-settings-ignored": "advisory",
            "skupper-await-readiness": "remediate",
            "skupper-access-code-secret": "remediate",
            "skupper-pairing": "mandatory",
            "skupper-await-order": "mandatory",
            "skupper-name-collision": "mandatory",
            "skupper-routing-key-unique": "advisory",
            "skupper-listener-served": "advisory",
            "skupper-routing-key-ownership": "mandatory",
            "skupper-use-client-cert-ignored": "advisory",
            "skupper-unconfigured-policies": "advisory",
        });
    });

    it("runs skupper-unconfigured-policies last, after the policies whose missing configuration it reports", () => {
        // Within a run the server calls the stack policies in the pack's order.
        assert.equal(policies[policies.length - 1].name, "skupper-unconfigured-policies");
    });

    it("describes every policy", () => {
        for (const policy of policies) assert.ok(policy.description.length > 20, policy.name);
    });

    it("declares a config schema for each policy that takes config", () => {
        const configured = policies
            .filter((p) => p.configSchema)
            .map((p) => [p.name, Object.keys(p.configSchema!.properties)]);
        assert.deepEqual(Object.fromEntries(configured), {
            "skupper-no-system-namespaces": ["extraNamespaces"],
            "skupper-namespace-grants": ["grants"],
            "skupper-bounded-grants": ["maxRedemptions", "maxExpirationWindow"],
            "skupper-link-cost": ["minCost", "maxCost"],
            "skupper-access-code-secret": ["fields"],
            "skupper-pairing": ["splitOwnership"],
            "skupper-routing-key-ownership": ["prefixes", "consumers"],
        });
    });

    it("is published with the same @pulumi/pulumi as the component, and the @pulumi/policy it is tested with", () => {
        assert.equal(packPackage.dependencies["@pulumi/pulumi"], rootPackage.devDependencies["@pulumi/pulumi"]);
        assert.equal(packPackage.dependencies["@pulumi/policy"], rootPackage.devDependencies["@pulumi/policy"]);
    });

    it("takes the shared rules from the component package, so that it installs and builds on its own", () => {
        assert.ok(
            packPackage.dependencies[rootPackage.name as "@skupper-pulumi/attached-connector"],
            `depends on ${rootPackage.name}`,
        );
        const packDir = path.join(__dirname, "../../policy");
        const sources = ["", "lib", "resources", "stack"].flatMap((dir) =>
            fs
                .readdirSync(path.join(packDir, dir))
                .filter((f) => f.endsWith(".ts"))
                .map((f) => path.join(packDir, dir, f)),
        );
        for (const source of sources) {
            for (const [, imported] of fs.readFileSync(source, "utf8").matchAll(/from "([^"]+)"/g)) {
                if (imported.startsWith("."))
                    assert.ok(
                        path.resolve(path.dirname(source), imported).startsWith(packDir + path.sep),
                        `${path.relative(packDir, source)} imports ${imported}, outside the pack`,
                    );
            }
        }
    });
});
