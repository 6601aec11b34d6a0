// What the real benchmark sets up before it times anything: its own local environment,
// fresh namespaces with a Skupper Site and a Deployment whose pods are Ready, and the
// watches that see Skupper's status writes.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PulumiCommand } from "@pulumi/pulumi/automation";
import { readKubeconfig } from "../../test/localenv/cluster/kubeconfig";
import { paths } from "../../test/localenv/cluster/kubeClient";
import { createDeployment, waitForReadyPods } from "../../test/localenv/cluster/objects";
import { waitFor } from "../../test/localenv/cluster/processes";
import { LocalEnvironment } from "../../test/localenv/environment";
import { environmentOptions } from "../../test/localenv/environmentOptions";
import { provideToolchain } from "../../test/localenv/toolchain/toolchain";
import { SELECTOR, WORKLOAD_LABELS } from "./manifests";
import { Bench } from "./variants";
import { HalfWatch } from "./watch";

export interface RealWorld {
    env: LocalEnvironment;
    bench: Bench;
}

/** Starts the environment, runs `body` on it, and stops it afterwards, also on failure. */
export async function withRealWorld<T>(
    log: (line: string) => void,
    body: (world: RealWorld) => Promise<T>,
): Promise<T> {
    const toolchain = await provideToolchain();
    const env = await LocalEnvironment.start({ ...environmentOptions(), toolchain, log });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "skupper-bench-"));
    try {
        // The inline programs run in this process: give it the cluster, as a user's shell has it.
        process.env.KUBECONFIG = env.kubeconfig;
        const bench: Bench = {
            dir,
            pulumi: await PulumiCommand.get({ root: toolchain.dir }),
            pulumiEnv: env.pulumiEnv(dir, "bench-only"),
            kubectl: toolchain.bin("kubectl"),
            kubeconfig: env.kubeconfig,
        };
        return await body({ env, bench });
    } finally {
        await env.stop();
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

/** A workload namespace with a ready Deployment that SELECTOR matches. */
export async function workloadNamespace(env: LocalEnvironment, base: string): Promise<string> {
    const name = env.namespace(base);
    await env.createNamespaces(name);
    await createDeployment(env.kube, name, "backend", WORKLOAD_LABELS);
    await waitForReadyPods(env.kube, name, SELECTOR, 1);
    return name;
}

/** A site namespace with a Skupper Site that Skupper has configured. */
export async function siteNamespace(env: LocalEnvironment, base: string): Promise<string> {
    const name = env.namespace(base);
    await env.createNamespaces(name);
    await env.createSite(name);
    await waitFor(
        `the Site in ${name} configured`,
        async () => {
            const site = await env.kube.get<{ status?: { conditions?: { type: string; status: string }[] } }>(
                paths.skupper(name, "Site", "site"),
            );
            return site.status?.conditions?.some((c) => c.type === "Configured" && c.status === "True")
                ? true
                : undefined;
        },
        60000,
    );
    return name;
}

/** Watches on the connectors of the workload namespace and the bindings of the site namespace. */
export async function watchPairs(env: LocalEnvironment, shop: string, west: string): Promise<HalfWatch[]> {
    const access = readKubeconfig(env.kubeconfig);
    const watches = [
        new HalfWatch(access, "AttachedConnector", shop),
        new HalfWatch(access, "AttachedConnectorBinding", west),
    ];
    for (const w of watches) await w.start();
    return watches;
}
