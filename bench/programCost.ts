// One measurement of the program cost under Pulumi's mocks: registers N pairs with
// AttachedConnectorPair, as the same objects written as raw custom resources, with a
// bare component around the same two objects (the floor of any component), or with
// that bare component and as many outputs as the pair's, each one apply on a child's
// output (the floor of a component with those outputs), and prints {ms, maxRssKb} as
// JSON. Run in a fresh process per measurement, so that peak memory belongs to that
// measurement alone.
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { PAIR_TYPE, SKUPPER_API_VERSION } from "../provider/constants";
import { DEFAULT_TIMEOUT_SECONDS, HalfKind, waitFor } from "../provider/halves";
import { awaitAnnotations } from "../provider/providerAnnotations";

/** The await annotations of the raw and floor objects, as a user would write them: the binding waits. */
const annotations = (kind: HalfKind) =>
    awaitAnnotations(
        kind === "AttachedConnector" ? "none" : { waitFor: waitFor(kind, {}), timeoutSeconds: DEFAULT_TIMEOUT_SECONDS },
    );

type Variant = "component" | "raw" | "floor" | "outputs" | "baseline";

/** How many outputs the pair has: its committed schema's properties (this runs from bin/bench). */
const schema = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../provider/schema.json"), "utf8"));
const PAIR_OUTPUTS = Object.keys(schema.resources[PAIR_TYPE].properties).length;

async function main(variant: Variant, n: number): Promise<void> {
    const pending: pulumi.Output<unknown>[] = [];
    await pulumi.runtime.setMocks(
        {
            newResource: (args) => ({ id: args.custom ? `${args.name}-id` : undefined, state: args.inputs }),
            call: (args) => args.inputs,
        },
        "bench",
        "bench",
        false,
    );
    const k8s = await import("@pulumi/kubernetes");
    const { AttachedConnectorPair, AttachedConnector, AttachedConnectorBinding } = await import("../provider/index");

    // The least any component wrapping the two objects costs: itself and its two
    // children, with no validation and no outputs.
    class Floor extends pulumi.ComponentResource {
        constructor(name: string, outputs: number) {
            super("bench:index:Floor", name, {}, {});
            const connector = new AttachedConnector(
                `${name}-connector`,
                {
                    metadata: { name, namespace: "shop", annotations: annotations("AttachedConnector") },
                    spec: { siteNamespace: "west", port: 8080, selector: `app=${name}` },
                },
                { parent: this },
            );
            const binding = new AttachedConnectorBinding(
                `${name}-binding`,
                {
                    metadata: { name, namespace: "west", annotations: annotations("AttachedConnectorBinding") },
                    spec: { connectorNamespace: "shop", routingKey: name },
                },
                { parent: this, dependsOn: [connector] },
            );
            pending.push(connector.id, binding.id);
            const status: pulumi.Output<{ status?: string } | undefined>[] = [connector.status, binding.status];
            this.registerOutputs(
                Object.fromEntries(
                    Array.from({ length: outputs }, (_, i) => [
                        `output${i}`,
                        status[i % 2].apply((s) => s?.status ?? ""),
                    ]),
                ),
            );
        }
    }

    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) {
        const name = `pair-${i}`;
        if (variant === "component") {
            const pair = new AttachedConnectorPair(name, {
                connectorNamespace: "shop",
                siteNamespace: "west",
                port: 8080,
                selector: `app=${name}`,
            });
            pending.push(pair.ready);
        } else if (variant === "floor" || variant === "outputs") {
            new Floor(name, variant === "outputs" ? PAIR_OUTPUTS : 0);
        } else if (variant === "raw") {
            // What a user writes by hand: the same two objects with the same annotations.
            const connector = new k8s.apiextensions.CustomResource(`${name}-connector`, {
                apiVersion: SKUPPER_API_VERSION,
                kind: "AttachedConnector",
                metadata: { name, namespace: "shop", annotations: annotations("AttachedConnector") },
                spec: { siteNamespace: "west", port: 8080, selector: `app=${name}` },
            });
            const binding = new k8s.apiextensions.CustomResource(
                `${name}-binding`,
                {
                    apiVersion: SKUPPER_API_VERSION,
                    kind: "AttachedConnectorBinding",
                    metadata: { name, namespace: "west", annotations: annotations("AttachedConnectorBinding") },
                    spec: { connectorNamespace: "shop", routingKey: name },
                },
                { dependsOn: [connector] },
            );
            pending.push(connector.id, binding.id);
        }
    }
    await Promise.all(pending.map((o) => new Promise((resolve) => o.apply(resolve))));
    // Every registration and output registration has reached the (mock) engine.
    await pulumi.runtime.disconnect();
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    process.stdout.write(JSON.stringify({ ms, maxRssKb: process.resourceUsage().maxRSS }) + "\n");
}

main(process.argv[2] as Variant, Number(process.argv[3])).then(
    () => process.exit(0),
    (err) => {
        console.error(err);
        process.exit(1);
    },
);
