import * as assert from "node:assert/strict";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { EngineEvent } from "@pulumi/pulumi/automation";
import { AttachedConnectorPair } from "../../provider/index";
import { installCrds } from "../localenv/cluster/skupper";
import { paths } from "../localenv/cluster/kubeClient";

import { e2e, newStack, policyPackDir, storedState } from "./harness";

interface Remediation {
    resourceUrn: string;
    policyName: string;
    after: Record<string, unknown>;
}

// The engine reports remediations as policyRemediationEvent, which this SDK's
// EngineEvent type does not declare yet.
function remediationsOf(events: EngineEvent[]): Remediation[] {
    return events.flatMap((e) => {
        const r = (e as EngineEvent & { policyRemediationEvent?: Remediation }).policyRemediationEvent;
        return r ? [r] : [];
    });
}

/** Skupper's AccessToken kind: with only the package's own kinds installed, a schemaless stand-in. */
async function ensureAccessTokenKind(): Promise<void> {
    const kube = e2e().kube;
    if (await kube.find(`${paths.crds}/accesstokens.skupper.io`)) return;
    const names = { kind: "AccessToken", listKind: "AccessTokenList", plural: "accesstokens", singular: "accesstoken" };
    const schema = { openAPIV3Schema: { type: "object", "x-kubernetes-preserve-unknown-fields": true } };
    await installCrds(kube, [
        {
            apiVersion: "apiextensions.k8s.io/v1",
            kind: "CustomResourceDefinition",
            metadata: { name: "accesstokens.skupper.io" },
            spec: {
                group: "skupper.io",
                names,
                scope: "Namespaced",
                versions: [{ name: "v2alpha1", served: true, storage: true, schema }],
            },
        },
    ]);
}

function accessTokens(codes: Record<string, pulumi.Input<string>>): void {
    for (const [name, code] of Object.entries(codes)) {
        new k8s.apiextensions.CustomResource(name, {
            apiVersion: "skupper.io/v2alpha1",
            kind: "AccessToken",
            metadata: { name, namespace: "policy-west" },
            // No Site is in the namespace, so no controller redeems it; were one to, a
            // loopback URL keeps the attempt on this machine.
            spec: { url: `https://127.0.0.1:9/${name}`, code, ca: "-----BEGIN CERTIFICATE-----" },
        });
    }
}

function rawPair(
    connector: Record<string, unknown>,
    binding: Record<string, unknown>,
    annotations: [Record<string, string>?, Record<string, string>?] = [],
    bindingAfterConnector = false,
) {
    const created = new k8s.apiextensions.CustomResource("raw-connector", {
        apiVersion: "skupper.io/v2alpha1",
        kind: "AttachedConnector",
        metadata: { name: "orders", namespace: "policy-shop", annotations: annotations[0] },
        spec: connector,
    });
    new k8s.apiextensions.CustomResource(
        "raw-binding",
        {
            apiVersion: "skupper.io/v2alpha1",
            kind: "AttachedConnectorBinding",
            metadata: { name: "orders", namespace: "policy-west", annotations: annotations[1] },
            spec: binding,
        },
        { dependsOn: bindingAfterConnector ? [created] : [] },
    );
}

describe("the policy pack under the real pulumi CLI", function () {
    this.timeout(300000);

    before(async () => {
        await e2e().env.createNamespaces("policy-shop", "policy-west");
    });

    it("fails the preview of raw, mismatched resources, naming each mandatory violation", async () => {
        const stack = await newStack(
            async () =>
                rawPair(
                    { siteNamespace: "policy-shop", port: 0, selector: "" },
                    { connectorNamespace: "policy-billing", routingKey: "orders:80" },
                ),
            "policy-bad",
        );
        const error = await stack.preview({ policyPacks: [policyPackDir] }).then(
            () => undefined,
            (e: Error) => e,
        );
        assert.ok(error, "the preview must fail");
        for (const policy of [
            "skupper-port-range",
            "skupper-selector",
            "skupper-routing-key-format",
            "skupper-no-self-attachment",
            "skupper-pairing",
        ]) {
            assert.match(error.message, new RegExp(`${policy}`), `${policy} is named in:\n${error.message}`);
        }
        assert.match(error.message, /spec\.port 0 is not an integer from 1 to 65535/);
        assert.match(error.message, /mandatory/);
    });

    it("passes the preview of a program that uses AttachedConnectorPair", async () => {
        const stack = await newStack(async () => {
            new AttachedConnectorPair("orders", {
                connectorNamespace: "policy-shop",
                siteNamespace: "policy-west",
                port: 8080,
                selector: "app=orders",
            });
        }, "policy-good");
        const result = await stack.preview({ policyPacks: [policyPackDir] });
        assert.equal(result.changeSummary.create, 4, JSON.stringify(result.changeSummary));
    });

    it("adds the binding's await annotation to raw resources that lack it, and none to the connector", async () => {
        const events: EngineEvent[] = [];
        const stack = await newStack(
            async () =>
                rawPair(
                    { siteNamespace: "policy-west", port: 8080, selector: "app=orders" },
                    { connectorNamespace: "policy-shop", routingKey: "orders" },
                    [],
                    true,
                ),
            "policy-remediate",
        );
        await stack.preview({ policyPacks: [policyPackDir], onEvent: (e) => events.push(e) });
        const remediations = remediationsOf(events);
        const annotationsAfter = (type: string) =>
            remediations
                .filter((r) => r.policyName === "skupper-await-readiness" && r.resourceUrn.includes(type))
                .map(
                    (r) =>
                        (r.after as { metadata?: { annotations?: Record<string, string> } }).metadata?.annotations?.[
                            "pulumi.com/waitFor"
                        ],
                );
        assert.deepEqual(annotationsAfter("AttachedConnector::"), []);
        assert.deepEqual(annotationsAfter("AttachedConnectorBinding::"), ["condition=Configured"]);
    });

    it("fails a raw pair whose waiting binding does not depend on its connector, naming skupper-await-order", async () => {
        const stack = await newStack(
            async () =>
                rawPair(
                    { siteNamespace: "policy-west", port: 8080, selector: "app=orders" },
                    { connectorNamespace: "policy-shop", routingKey: "orders" },
                    [{}, { "pulumi.com/waitFor": "condition=Configured" }],
                ),
            "policy-order",
        );
        const error = await stack.preview({ policyPacks: [policyPackDir] }).then(
            () => undefined,
            (e: Error) => e,
        );
        assert.match(error?.message ?? "", /skupper-await-order[\s\S]*does not depend on its AttachedConnector/);
    });

    it("checks objects that come from a kubernetes:yaml ConfigGroup", async () => {
        const stack = await newStack(async () => {
            new k8s.yaml.ConfigGroup("manifests", {
                yaml: `apiVersion: skupper.io/v2alpha1
kind: AttachedConnector
metadata: {name: orders, namespace: policy-shop}
spec: {siteNamespace: policy-west, port: 70000, selector: "app=orders"}
---
apiVersion: skupper.io/v2alpha1
kind: AttachedConnectorBinding
metadata: {name: orders, namespace: policy-west}
spec: {connectorNamespace: policy-billing, routingKey: orders}
`,
            });
        }, "policy-yaml");
        const error = await stack.preview({ policyPacks: [policyPackDir] }).then(
            () => undefined,
            (e: Error) => e,
        );
        assert.ok(error, "the preview must fail");
        assert.match(error.message, /skupper-port-range/);
        assert.match(error.message, /spec\.port 70000 is not an integer from 1 to 65535/);
        assert.match(error.message, /skupper-pairing/);
    });

    it("makes a token's plain code a secret in the stored state, and leaves a secret code alone", async () => {
        await ensureAccessTokenKind();
        const plain = `plain-code-${Date.now()}`;
        const hidden = `secret-code-${Date.now()}`;
        const program = async () => accessTokens({ "plain-token": plain, "secret-token": pulumi.secret(hidden) });

        // Without the pack the plain code is stored as it is: the check below can fail.
        const unchecked = await newStack(program, "policy-secret-control");
        await unchecked.up();
        assert.ok(storedState(unchecked).includes(plain), "without the pack, the state holds the plain code");
        await unchecked.destroy();

        const events: EngineEvent[] = [];
        const stack = await newStack(program, "policy-secret");
        await stack.up({ policyPacks: [policyPackDir], onEvent: (e) => events.push(e) });
        const remediated = remediationsOf(events)
            .filter((r) => r.policyName === "skupper-access-code-secret")
            .map((r) => r.resourceUrn.split("::").pop());
        assert.deepEqual([...new Set(remediated)], ["plain-token"]);
        const state = storedState(stack);
        assert.ok(!state.includes(plain), "the plain code is stored encrypted");
        assert.ok(!state.includes(hidden), "the secret code is stored encrypted");
        await stack.destroy();
    });
});
