// The Skupper part of the environment: its CRDs, and what reconciles attached
// connectors: the real controller (out of cluster, watching every namespace) or, in
// emulated mode only, the status emulator. Either one must pass the same probe.
import { execFileSync } from "node:child_process";
import { SKUPPER_API_VERSION, SKUPPER_GROUP, skupperKinds } from "../../../provider/constants";
import { Toolchain } from "../toolchain/toolchain";
import { readCrdFolder } from "./skupperCrds";
import { GrantServer, grantServerEnv } from "./grantServer";
import { generateCrds } from "./crds";
import { CustomResourceDefinition } from "./customResourceDefinition";
import { KubeClient, paths } from "./kubeClient";
import { ProcessSpec, scriptSpec, waitFor } from "./processes";

/**
 * network: Skupper's own controller, and its router and kube-adaptor for every site (the
 * data plane); real: Skupper's own controller, no router; emulated: the status emulator
 * stands in for the controller.
 */
export type SkupperMode = "network" | "real" | "emulated";

export const SKUPPER_MODES: readonly SkupperMode[] = ["network", "real", "emulated"];

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

export function controllerSpec(
    mode: SkupperMode,
    tools: Toolchain,
    kubeconfig: string,
    grantServer?: GrantServer,
): ProcessSpec {
    if (mode !== "emulated") {
        return {
            name: "skupper-controller",
            binary: tools.skupperController!,
            args: [`--kubeconfig=${kubeconfig}`],
            env: {
                NAMESPACE: CONTROLLER_NAMESPACE,
                CONTROLLER_NAME: "skupper-controller",
                SKUPPER_METRICS_DISABLE: "true",
                WATCH_NAMESPACE: "",
                ...(grantServer ? grantServerEnv(grantServer) : {}),
            },
        };
    }
    const port = String(grantServer?.port);
    const grants = grantServer
        ? [
              "--namespace",
              CONTROLLER_NAMESPACE,
              "--grant-server-port",
              port,
              "--grant-server-base-url",
              grantServer.baseUrl,
          ]
        : [];
    return scriptSpec("skupper-emulator", "test/localenv/doubles/skupperEmulator.ts", [
        "--kubeconfig",
        kubeconfig,
        ...grants,
    ]);
}

/** The mode a start asks for ("auto": the most of Skupper there is), and how Skupper is played in it. */
export function skupperMode(
    wanted: SkupperMode | "auto",
    tools: Toolchain,
): { mode: SkupperMode; description: string } {
    const controller = tools.skupperController;
    if (wanted !== "emulated" && wanted !== "auto" && !controller) {
        throw new Error(
            `${wanted} mode needs the Skupper controller: the toolchain has none (see its output above); ` +
                "set SKUPPER_CONTROLLER and SKUPPER_CRDS to a controller built elsewhere and its CRDs",
        );
    }
    if (wanted === "network" && !tools.dataPlane) {
        throw new Error(
            "network mode needs Skupper's data plane: set SKUPPER_ROUTER to skupper-router's skrouterd " +
                "and SKUPPER_KUBE_ADAPTOR to Skupper's kube-adaptor, both built elsewhere",
        );
    }
    const mode: SkupperMode =
        wanted !== "auto" ? wanted : !controller ? "emulated" : tools.dataPlane ? "network" : "real";
    if (mode === "network") {
        const { router, adaptor } = tools.dataPlane!;
        return {
            mode,
            description:
                `Skupper controller ${versionOf(controller!, "-version")}, router ${versionOf(router, "--version")}, ` +
                `kube-adaptor ${versionOf(adaptor, "-version")}: Skupper's own data plane`,
        };
    }
    if (mode === "real")
        return {
            mode,
            description: `Skupper controller ${versionOf(controller!, "-version")}, ${controller}; no router: the network-status writer stands in for its collector`,
        };
    return {
        mode,
        description: controller
            ? "Skupper status emulator, as asked"
            : "Skupper status emulator; no Skupper controller available",
    };
}

function versionOf(binary: string, flag: string): string {
    try {
        return execFileSync(binary, [flag], { encoding: "utf8", timeout: 10000 }).trim().split("\n").pop()!;
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
