// The default provider's cluster (the stack's kubernetes:kubeconfig and context, else
// KUBECONFIG), read with its credentials: where the diagnosis of a failed half and a
// half's waitingFor find what they name. Never under Pulumi's mocks (users' unit tests),
// which have no cluster behind them.
import * as pulumi from "@pulumi/pulumi";
import { MockMonitor } from "@pulumi/pulumi/runtime/mocks";
import { HalfKind } from "../halves";
import { Facts, gatherFacts } from "./facts";
import { defaultAccess, KubeAccess } from "./kubeAccess";

/** Whether a real engine runs the program (not Pulumi's mocks). */
export function underRealEngine(): boolean {
    const monitor = pulumi.runtime.getMonitor();
    return monitor !== undefined && !(monitor instanceof MockMonitor);
}

/** What the cluster shows of a half; undefined when the cluster or the half cannot be read. */
export async function factsFromDefaultCluster(
    kind: HalfKind,
    namespace: string,
    name: string,
    waitFor: string,
): Promise<Facts | undefined> {
    let access: KubeAccess;
    try {
        const config = new pulumi.Config("kubernetes");
        access = defaultAccess(config.get("kubeconfig"), config.get("context"));
    } catch {
        return undefined;
    }
    return gatherFacts(access, kind, namespace, name, waitFor).catch(() => undefined);
}
