// The whole pack over what the component really registers, in an update and in a preview.
import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { policies } from "../../policy/policies";
import { registered, resetMocks, settle, setUpMocks, unknownInPreview, valueOf } from "../unit/mocks";
import { asSentToPolicies, binding, connector, listener, Resource, validatePack } from "./helper";

describe("the pack over real programs", () => {
    let m: typeof import("../../provider/index");

    before(async () => {
        await setUpMocks();
        m = await import("../../provider/index");
    });
    beforeEach(resetMocks);

    /** The resources each child of a pair depends on (dependsOn), by the child's name. */
    const dependsOn = new Map<string, pulumi.Resource[]>();
    const recordDependencies = (t: pulumi.ResourceTransformationArgs) => {
        const deps = t.opts.dependsOn;
        dependsOn.set(
            t.name,
            (Array.isArray(deps) ? deps : [deps]).filter((d) => pulumi.Resource.isInstance(d)),
        );
        return undefined;
    };
    const urnOf = (type: string, name: string) => `urn:pulumi:test::unit::${type}::${name}`;

    /** The custom resources the component registers (not those it reads), as the pack sees them. */
    async function registeredResources(): Promise<Resource[]> {
        return Promise.all(
            registered
                .filter((r) => r.custom && !r.read)
                .map(async (r) => ({
                    type: r.type,
                    props: asSentToPolicies(r.inputs),
                    name: r.name,
                    urn: urnOf(r.type, r.name),
                    dependencies: await Promise.all(
                        (dependsOn.get(r.name) ?? []).map(async (d) => {
                            const urn = await valueOf(d.urn);
                            return urnOf(urn.split("$").pop()!.split("::")[0], urn.split("::").pop()!);
                        }),
                    ),
                })),
        );
    }

    /** The advisory notices of a pack run with no grants and no prefixes configured. */
    const notConfigured = [
        /^skupper-unconfigured-policies: skupper-namespace-grants has no grants configured/,
        /^skupper-unconfigured-policies: skupper-routing-key-ownership has no prefixes or consumers configured/,
    ];

    it("passes every enabled policy on what AttachedConnectorPair registers and on the Listeners that consume its keys (only noting that grants and prefixes are not configured)", async () => {
        const pairs = [
            new m.AttachedConnectorPair(
                "orders",
                {
                    connectorNamespace: "shop",
                    siteNamespace: "west",
                    port: 8080,
                    selector: "app=orders",
                },
                { transformations: [recordDependencies] },
            ),
            new m.AttachedConnectorPair(
                "payments",
                {
                    connectorNamespace: "billing",
                    siteNamespace: "west",
                    port: 5432,
                    selector: "app=pg",
                    routingKey: "payments-db",
                    awaitListener: true,
                },
                { transformations: [recordDependencies] },
            ),
            new m.AttachedConnectorPair(
                "cache",
                {
                    connectorNamespace: "shop",
                    siteNamespace: "east",
                    port: 6379,
                    selector: "app=cache",
                    skipAwait: true,
                },
                { transformations: [recordDependencies] },
            ),
        ];
        // The Listeners that consume the bindings' keys, so that skupper-listener-served has nothing to say.
        const listeners = [
            ["orders", "orders"],
            ["payments", "payments-db"],
            ["cache", "cache"],
        ].map(
            ([name, routingKey]) =>
                new m.Listener(`${name}-listener`, {
                    metadata: { name, namespace: "front" },
                    spec: { routingKey, host: name, port: 8080 },
                }),
        );
        await Promise.all([...pairs.map((p) => valueOf(p.ready)), ...listeners.map((l) => valueOf(l.urn))]);
        const resources = await registeredResources();
        assert.equal(resources.length, 9);
        const violations = await validatePack(policies, resources);
        assert.equal(violations.length, notConfigured.length, violations.join("\n"));
        notConfigured.forEach((notice, i) => assert.match(violations[i], notice));
    });

    it("in a preview with the selector not known yet, runs every policy on what the pair registers, but the selector's", async () => {
        await setUpMocks({ preview: true });
        try {
            const pair = new m.AttachedConnectorPair(
                "orders",
                {
                    connectorNamespace: "shop",
                    siteNamespace: "west",
                    port: 8080,
                    selector: unknownInPreview<string>("selector-source"),
                },
                { transformations: [recordDependencies] },
            );
            await settle(pair.ready);
            const skupperObjects = (await registeredResources()).filter((r) =>
                r.type.startsWith("kubernetes:skupper.io/"),
            );
            const violations = await validatePack(policies, skupperObjects);
            const cannotRun = violations.filter((v) => v.includes("can't run during preview"));
            assert.deepEqual(
                cannotRun.map((v) => v.split(":")[0]),
                ["skupper-selector"],
                violations.join("\n"),
            );
            // Advisory: the stack has no Listener for the binding's key.
            const unconsumed = violations.filter((v) => v.startsWith("skupper-listener-served: "));
            assert.equal(unconsumed.length, 1, violations.join("\n"));
            assert.equal(violations.length, 1 + unconsumed.length + notConfigured.length, violations.join("\n"));
        } finally {
            await setUpMocks();
        }
    });

    it("passes skupper-require-tls on a pair that names tlsCredentials", async () => {
        const pair = new m.AttachedConnectorPair(
            "orders",
            {
                connectorNamespace: "shop",
                siteNamespace: "west",
                port: 8080,
                selector: "app=orders",
                tlsCredentials: "orders-tls",
            },
            { transformations: [recordDependencies] },
        );
        await valueOf(pair.ready);
        const requireTls = policies.find((p) => p.name === "skupper-require-tls")!;
        assert.deepEqual(
            await validatePack([{ ...requireTls, enforcementLevel: "mandatory" }], await registeredResources()),
            [],
        );
    });

    it("names every mandatory violation of a raw, mismatched pair", async () => {
        const violations = await validatePack(policies, [
            connector("shop", "Orders", { port: 0, selector: "", siteNamespace: "shop" }, {}),
            binding("west", "orders", { routingKey: "orders:80", connectorNamespace: "kube-system" }, {}),
        ]);
        const failed = new Set(violations.map((v) => v.split(":")[0]));
        for (const name of [
            "skupper-port-range",
            "skupper-selector",
            "skupper-object-name-format",
            "skupper-routing-key-format",
            "skupper-no-self-attachment",
            "skupper-no-system-namespaces",
            "skupper-await-readiness",
            "skupper-pairing",
        ]) {
            assert.ok(failed.has(name), `${name} in:\n${violations.join("\n")}`);
        }
    });

    it("checks a raw Listener's port, routing key and namespace, and no rule of the halves", async () => {
        const raw = listener("kube-system", "orders", { port: 0, routingKey: "orders:80", type: "udp" });
        const violations = await validatePack(policies, [raw]);
        assert.deepEqual([...new Set(violations.map((v) => v.split(":")[0]))].sort(), [
            "skupper-listener-served",
            "skupper-no-system-namespaces",
            "skupper-port-range",
            "skupper-routing-key-format",
            "skupper-unconfigured-policies",
        ]);
    });
});
