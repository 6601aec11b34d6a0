// The cloud's part for Services of type LoadBalancer, which Skupper makes for a Site's link
// access (`linkAccess: default` on Kubernetes): each gets an address of its own on this
// machine, from the environment's range, in `status.loadBalancer.ingress`, where Skupper's
// controller reads the endpoints it puts in grants and links. The address stays the
// Service's until it is deleted, as a cloud's would.
//
//   node -r ts-node/register/transpile-only localenv/cluster/loadBalancers.ts --kubeconfig <file> --range 127.N.255
import * as fs from "node:fs";
import { KubeClient, KubeError } from "./kubeClient";
import { readKubeconfig } from "./kubeconfig";
import { ProcessSpec, scriptSpec, Started, waitFor } from "./processes";

export const LOAD_BALANCERS = "cloud-load-balancers";
const INTERVAL_MS = 500;

export interface ServiceView {
    metadata: { namespace: string; name: string };
    spec?: { type?: string };
    status?: { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } };
}

export function loadBalancersSpec(kubeconfig: string, range: string): ProcessSpec {
    return scriptSpec(LOAD_BALANCERS, "test/localenv/cluster/loadBalancers.ts", [
        "--kubeconfig",
        kubeconfig,
        "--range",
        range,
    ]);
}

export async function loadBalancersReady(started: Started): Promise<void> {
    await waitFor(
        "the load balancers",
        async () => (fs.readFileSync(started.log, "utf8").includes("giving LoadBalancer") ? true : undefined),
        60000,
        started,
    );
}

/** The Services that need an address, each with the next one of the range that no Service holds. */
export function assignAddresses(services: ServiceView[], range: string): { service: ServiceView; ip: string }[] {
    const balanced = services.filter((s) => s.spec?.type === "LoadBalancer");
    const held = new Set(balanced.flatMap((s) => (s.status?.loadBalancer?.ingress ?? []).map((i) => i.ip)));
    const assignments: { service: ServiceView; ip: string }[] = [];
    let next = 1;
    for (const service of balanced) {
        if ((service.status?.loadBalancer?.ingress ?? []).length > 0) continue;
        while (held.has(`${range}.${next}`)) next++;
        if (next > 254) throw new Error(`the load balancers' range ${range}.0/24 is exhausted`);
        const ip = `${range}.${next}`;
        held.add(ip);
        assignments.push({ service, ip });
    }
    return assignments;
}

export async function assignOnce(kube: KubeClient, range: string): Promise<void> {
    const list = await kube.get<{ items: ServiceView[] }>("/api/v1/services");
    for (const { service, ip } of assignAddresses(list.items, range)) {
        const { namespace, name } = service.metadata;
        try {
            await kube.mergePatch(`/api/v1/namespaces/${namespace}/services/${name}/status`, {
                status: { loadBalancer: { ingress: [{ ip, ipMode: "VIP" }] } },
            });
            console.log(`[${LOAD_BALANCERS}] ${namespace}/${name}: ${ip}`);
        } catch (e) {
            // Deleted meanwhile: nothing to do.
            if (!(e instanceof KubeError && e.status === 404)) throw e;
        }
    }
}

async function main(argv: string[]): Promise<void> {
    const option = (flag: string) => (argv.indexOf(flag) >= 0 ? argv[argv.indexOf(flag) + 1] : undefined);
    const file = option("--kubeconfig");
    const range = option("--range");
    if (!file || !range || !/^127\.\d{1,3}\.\d{1,3}$/.test(range))
        throw new Error("usage: loadBalancers.ts --kubeconfig <file> --range 127.<n>.<n>");
    const kube = new KubeClient(readKubeconfig(file));
    let stopping = false;
    process.on("SIGTERM", () => (stopping = true)).on("SIGINT", () => (stopping = true));
    console.log(`[${LOAD_BALANCERS}] giving LoadBalancer Services addresses in ${range}.0/24`);
    while (!stopping) {
        await assignOnce(kube, range).catch((e) => console.error(`[${LOAD_BALANCERS}] ${(e as Error).message}`));
        await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS));
    }
}

if (require.main === module) {
    main(process.argv.slice(2)).then(
        () => process.exit(0),
        (e) => {
            console.error(`[${LOAD_BALANCERS}] ${e.message}`);
            process.exit(1);
        },
    );
}
