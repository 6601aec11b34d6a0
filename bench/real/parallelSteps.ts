// Whether N new pairs become ready when the engine may run only P steps at once: each
// half waits for the other, so halves waiting for partners that have no step yet can
// hold every step. For each P, a fresh stack of the component and of the raw objects,
// with a short timeout, and whether `up` succeeded.
import * as k8s from "@pulumi/kubernetes";
import { AttachedConnectorPair } from "../../provider/index";
import { TIMEOUT_SECONDS } from "../../provider/constants";
import { pairManifests, PORT, SELECTOR } from "./manifests";
import { benchStack } from "./variants";
import { RealWorld, siteNamespace, workloadNamespace } from "./world";

/** Short enough to see a stall, long enough for a pair that can become ready. */
const TIMEOUT = 40;

export interface StepsResult { variant: "component" | "raw"; parallel: number; n: number; ready: boolean; seconds: number }

function program(variant: StepsResult["variant"], shop: string, west: string, n: number): () => Promise<void> {
    if (variant === "component") {
        return async () => {
            for (let i = 0; i < n; i++) {
                new AttachedConnectorPair(`pair-${i}`, { connectorNamespace: shop, siteNamespace: west, port: PORT, selector: SELECTOR, timeoutSeconds: TIMEOUT });
            }
        };
    }
    return async () => {
        for (const { connector, binding } of pairManifests(shop, west, n)) {
            connector.metadata.annotations[TIMEOUT_SECONDS] = binding.metadata.annotations[TIMEOUT_SECONDS] = String(TIMEOUT);
            new k8s.apiextensions.CustomResource(`${connector.metadata.name}-connector`, connector);
            new k8s.apiextensions.CustomResource(`${binding.metadata.name}-binding`, binding);
        }
    };
}

export async function parallelSteps(world: RealWorld, n: number, steps: number[], log: (line: string) => void): Promise<StepsResult[]> {
    const results: StepsResult[] = [];
    for (const variant of ["component", "raw"] as const) {
        for (const parallel of steps) {
            const shop = await workloadNamespace(world.env, `s-${variant}-${parallel}-shop`);
            const west = await siteNamespace(world.env, `s-${variant}-${parallel}-west`);
            const stack = await benchStack(world.bench, `steps-${variant}-${parallel}`, program(variant, shop, west, n));
            const start = Date.now();
            const ready = await stack.up({ parallel }).then(() => true, () => false);
            results.push({ variant, parallel, n, ready, seconds: (Date.now() - start) / 1000 });
            log(`parallel steps: ${variant}, --parallel ${parallel}, ${n} new pairs: ${ready ? "ready" : "failed"}`);
            await stack.destroy({ parallel: 2 * n + 8 });
        }
    }
    return results;
}
