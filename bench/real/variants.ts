// The ways the real benchmark creates, previews and removes the same N pairs: the
// component, raw CustomResources, the same raw CustomResources inside a bare component
// (the floor of any component), that floor with the component's read-back of both
// halves (what the live outputs cost), as Pulumi stacks (the real engine and Kubernetes
// provider, through the Automation API, state in the bench's temporary folder), and
// kubectl apply + kubectl wait for the same conditions (kubectl diff, kubectl delete).
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { EngineEvent, PulumiCommand, Stack } from "@pulumi/pulumi/automation";
import { inlineStack } from "../../test/localenv/inlineStack";
import { AttachedConnectorPair } from "../../provider/index";
import { TIMEOUT_SECONDS } from "../../provider/constants";
import { waitFor } from "../../provider/halves";
import { Manifest, pairManifests, PORT, SELECTOR } from "./manifests";

const exec = promisify(execFile);

export type VariantName = "component" | "raw" | "floor" | "reads" | "kubectl";
export const VARIANTS: VariantName[] = ["component", "raw", "floor", "reads", "kubectl"];

/** What a variant needs from the bench: where its stacks and files go, and how to run pulumi and kubectl. */
export interface Bench {
    dir: string;
    pulumi: PulumiCommand;
    pulumiEnv: Record<string, string>;
    kubectl: string;
    kubeconfig: string;
}

export interface Variant {
    up(): Promise<void>;
    /** When the engine said its last operation was done (its summary event), for the Pulumi variants. */
    engineDone?(): number | undefined;
    /** Fails when anything would change. */
    preview(): Promise<void>;
    destroy(): Promise<void>;
}

/** N pairs from workload namespace `shop` to site namespace `west`; each half may wait `timeoutSeconds` (default 300). */
export interface Pairs {
    shop: string;
    west: string;
    n: number;
    timeoutSeconds?: number;
}

/** A stack of an inline program in its own folder under the bench's. */
export async function benchStack(bench: Bench, name: string, program: () => Promise<void>): Promise<Stack> {
    const workDir = fs.mkdtempSync(path.join(bench.dir, `${name}-`));
    return inlineStack(
        { stackName: name, projectName: "skupper-bench", program: async () => program() },
        { workDir, envVars: bench.pulumiEnv, pulumiCommand: bench.pulumi },
    );
}

/** The component's pairs, as a program would declare them. */
export function componentProgram({ shop, west, n, timeoutSeconds }: Pairs): () => Promise<void> {
    return async () => {
        for (let i = 0; i < n; i++) {
            new AttachedConnectorPair(`pair-${i}`, {
                connectorNamespace: shop,
                siteNamespace: west,
                port: PORT,
                selector: SELECTOR,
                timeoutSeconds,
            });
        }
    };
}

/** The same objects written by hand as CustomResources. */
export function rawProgram({ shop, west, n, timeoutSeconds }: Pairs): () => Promise<void> {
    return async () => {
        for (const { connector, binding } of pairManifests(shop, west, n, timeoutSeconds)) {
            const created = new k8s.apiextensions.CustomResource(`${connector.metadata.name}-connector`, connector);
            new k8s.apiextensions.CustomResource(`${binding.metadata.name}-binding`, binding, { dependsOn: [created] });
        }
    };
}

/** A component with no validation and no outputs: the least that wrapping a pair costs. With
 * `readBack`, it reads both halves after the binding's wait, as the component does. */
class BarePair extends pulumi.ComponentResource {
    constructor(name: string, connector: Manifest, binding: Manifest, readBack = false) {
        super("bench:index:BarePair", name, {}, {});
        const created = new k8s.apiextensions.CustomResource(`${name}-connector`, connector, { parent: this });
        const bound = new k8s.apiextensions.CustomResource(`${name}-binding`, binding, {
            parent: this,
            dependsOn: [created],
        });
        if (readBack) {
            for (const [half, object] of [
                ["connector", created],
                ["binding", bound],
            ] as const) {
                const { apiVersion, kind } = half === "connector" ? connector : binding;
                k8s.apiextensions.CustomResource.get(`${name}-${half}-status`, {
                    apiVersion,
                    kind,
                    id: object.id,
                    parent: this,
                    dependsOn: [bound],
                });
            }
        }
        this.registerOutputs({});
    }
}

/** The raw objects, each pair inside a bare component; with `readBack`, both halves read back after the wait. */
export function floorProgram({ shop, west, n, timeoutSeconds }: Pairs, readBack = false): () => Promise<void> {
    return async () => {
        for (const { connector, binding } of pairManifests(shop, west, n, timeoutSeconds))
            new BarePair(connector.metadata.name, connector, binding, readBack);
    };
}

/** How many steps the engine may run at once: BENCH_PARALLEL, else the engine's own default. */
const PARALLEL = process.env.BENCH_PARALLEL ? Number(process.env.BENCH_PARALLEL) : undefined;

export function stackVariant(stack: Stack): Variant {
    // After the engine's summary, up() still runs `pulumi stack output` and `pulumi stack history`.
    let summary: number | undefined;
    const onEvent = (event: EngineEvent) => {
        if (event.summaryEvent) summary = Date.now();
    };
    return {
        engineDone: () => summary,
        up: async () => void (await stack.up({ onEvent, parallel: PARALLEL })),
        preview: async () => {
            const { changeSummary } = await stack.preview({ parallel: PARALLEL });
            // A read is no change (as for `pulumi up --expect-no-changes`): the component reads its halves afresh.
            const changes = Object.entries(changeSummary).filter(
                ([op, count]) => op !== "same" && op !== "read" && count > 0,
            );
            if (changes.length > 0)
                throw new Error(`preview of an unchanged stack plans changes: ${JSON.stringify(changeSummary)}`);
        },
        destroy: async () => void (await stack.destroy({ onEvent, parallel: PARALLEL })),
    };
}

export function kubectlVariant(bench: Bench, pairs: Pairs): Variant {
    const dir = fs.mkdtempSync(path.join(bench.dir, `kubectl-${pairs.n}-`));
    const manifests = pairManifests(pairs.shop, pairs.west, pairs.n);
    const file = (kind: "connector" | "binding") => {
        const name = path.join(dir, `${kind}s.json`);
        fs.writeFileSync(
            name,
            JSON.stringify({ apiVersion: "v1", kind: "List", items: manifests.map((m) => m[kind]) }),
        );
        return name;
    };
    const files = { connector: file("connector"), binding: file("binding") };
    const kubectl = (...args: string[]) =>
        exec(bench.kubectl, args, {
            env: { ...process.env, KUBECONFIG: bench.kubeconfig },
            maxBuffer: 64 * 1024 * 1024,
        });
    const both = ["-f", files.connector, "-f", files.binding];
    const wait = (kind: "connector" | "binding", sample: Manifest) =>
        kubectl(
            "wait",
            "-f",
            files[kind],
            `--for=${waitFor(sample.kind, {})}`,
            `--timeout=${sample.metadata.annotations[TIMEOUT_SECONDS]}s`,
        );
    return {
        up: async () => {
            await kubectl("apply", ...both);
            // As the component waits: on the bindings, whose Configured Skupper writes with the connector's Ready.
            await wait("binding", manifests[0].binding);
        },
        preview: async () => {
            // Exit status 1 means differences (execFile rejects): the objects changed.
            await kubectl("diff", ...both);
        },
        destroy: async () => void (await kubectl("delete", "--wait=true", ...both)),
    };
}

/** The program of each Pulumi variant. */
export const PROGRAMS = {
    component: componentProgram,
    raw: rawProgram,
    floor: (pairs: Pairs) => floorProgram(pairs),
    reads: (pairs: Pairs) => floorProgram(pairs, true),
};
