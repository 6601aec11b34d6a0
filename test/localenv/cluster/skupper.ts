// The Skupper part of the environment: its CRDs, and what reconciles attached
// connectors: the real controller (out of cluster, watching every namespace) or, in
// emulated mode only, the status emulator. Either one must pass the same probe.
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { SKUPPER_API_VERSION, SKUPPER_GROUP, skupperKinds } from "../../../provider/constants";
import { Toolchain } from "../toolchain/toolchain";
import { readCrdFolder } from "./skupperCrds";
import { generateCrds } from "./crds";
import { CustomResourceDefinition } from "./customResourceDefinition";
import { KubeClient, paths } from "./kubeClient";
import { ProcessSpec, waitFor } from "./processes";

/** real: Skupper's own controller reconciles; emulated: the status emulator stands in for it. */
export type SkupperMode = "real" | "emulated";

/** The namespace the controller counts as its own (it creates nothing there for attached connectors). */
export const CONTROLLER_NAMESPACE = "skupper";

/** Skupper's own CRDs when they came with the controller, otherwise the ones generated from provider/crds. */
export function crdsFor(tools: Toolchain): { crds: CustomResourceDefinition[]; source: string } {
    if (tools.skupperCrds)
        return { crds: readCrdFolder(tools.skupperCrds), source: `Skupper's own (${tools.skupperCrds})` };
    return { crds: generateCrds(), source: "generated from provider/crds" };
}

export async function installCrds(kube: KubeClient, crds: CustomResourceDefinition[]): Promise<void> {
    for (const crd of crds) await kube.ensure(paths.crds, crd);
    await waitFor(
        "Skupper CRDs established",
        async () => {
            const list = await kube.get<{
                items: { metadata: { name: string }; status?: { conditions?: { type: string; status: string }[] } }[];
            }>(paths.crds);
            const established = new Set(
                list.items
                    .filter((c) => c.status?.conditions?.some((x) => x.type === "Established" && x.status === "True"))
                    .map((c) => c.metadata.name),
            );
            return crds.every((c) => established.has(c.metadata.name)) ? true : undefined;
        },
        60000,
    );
}

/** Whether a cluster serves every kind this package types (for an existing cluster). */
export async function missingKinds(kube: KubeClient): Promise<string[]> {
    const missing: string[] = [];
    for (const { plural } of Object.values(skupperKinds)) {
        if (!(await kube.find(`${paths.crds}/${plural}.${SKUPPER_GROUP}`))) missing.push(`${plural}.${SKUPPER_GROUP}`);
    }
    return missing;
}

export function controllerSpec(mode: SkupperMode, tools: Toolchain, kubeconfig: string): ProcessSpec {
    if (mode === "real") {
        return {
            name: "skupper-controller",
            binary: tools.skupperController!,
            args: [`--kubeconfig=${kubeconfig}`],
            env: {
                NAMESPACE: CONTROLLER_NAMESPACE,
                CONTROLLER_NAME: "skupper-controller",
                SKUPPER_METRICS_DISABLE: "true",
                WATCH_NAMESPACE: "",
            },
        };
    }
    const root = path.resolve(__dirname, "../../..");
    return {
        name: "skupper-emulator",
        binary: process.execPath,
        args: [
            "-r",
            path.join(root, "node_modules/ts-node/register/transpile-only"),
            path.join(root, "test/localenv/doubles/skupperEmulator.ts"),
            "--kubeconfig",
            kubeconfig,
        ],
        env: { TS_NODE_PROJECT: path.join(root, "tsconfig.json") },
    };
}

/** The mode a start asks for ("auto": real when there is a controller), and how Skupper is played in it. */
export function skupperMode(
    wanted: SkupperMode | "auto",
    tools: Toolchain,
): { mode: SkupperMode; description: string } {
    const controller = tools.skupperController;
    if (wanted === "real" && !controller) {
        throw new Error(
            "real mode needs the Skupper controller: the toolchain has none (see its output above); " +
                "set SKUPPER_CONTROLLER and SKUPPER_CRDS to a controller built elsewhere and its CRDs",
        );
    }
    const mode = wanted === "auto" ? (controller ? "real" : "emulated") : wanted;
    return mode === "real"
        ? { mode, description: `Skupper controller ${controllerVersion(controller!)}, ${controller}` }
        : {
              mode,
              description: controller
                  ? "Skupper status emulator, as asked"
                  : "Skupper status emulator; no Skupper controller available",
          };
}

function controllerVersion(controller: string): string {
    try {
        return execFileSync(controller, ["-version"], { encoding: "utf8", timeout: 10000 }).trim();
    } catch {
        return "(version unknown)";
    }
}

let probes = 0;

/**
 * The readiness check of whatever plays Skupper: an AttachedConnector with no binding
 * must get Skupper's status ("No matching AttachedConnectorBinding in site namespace")
 * within the timeout. The probe object is deleted afterwards.
 */
export async function probeSkupper(
    kube: KubeClient,
    namespace: string,
    timeoutMs = 60000,
    started?: Parameters<typeof waitFor>[3],
): Promise<void> {
    const name = `probe-${process.pid}-${++probes}`;
    const path = paths.skupper(namespace, "AttachedConnector", name);
    await kube.create(paths.skupper(namespace, "AttachedConnector"), {
        apiVersion: SKUPPER_API_VERSION,
        kind: "AttachedConnector",
        metadata: { name },
        spec: { siteNamespace: `${namespace}-nosite`, port: 8080, selector: "skupper-pulumi/probe=true" },
    });
    try {
        await waitFor(
            "Skupper reconciling attached connectors",
            async () => {
                const object = await kube.get<{ status?: { conditions?: { type: string }[] } }>(path);
                return object.status?.conditions?.some((c) => c.type === "Configured") ? true : undefined;
            },
            timeoutMs,
            started,
        );
    } finally {
        await kube.delete(path).catch(() => undefined);
    }
}
