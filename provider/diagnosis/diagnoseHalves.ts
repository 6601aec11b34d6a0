// An error hook on the halves a component creates: when the create or update of a half
// fails (a readiness timeout above all), it reads the cluster and reports the cause, so
// that `pulumi up` says why the half is not ready and not only that the wait timed out.
// One hook serves every half of a component: the half is known from the failed
// resource's type, and what it waited for from its own await annotation.
import { AsyncResource } from "node:async_hooks";
import * as pulumi from "@pulumi/pulumi";
import { SKUPPER_API_VERSION, WAIT_FOR } from "../constants";
import { halfOfType, HalfKind, halves } from "../halves";
import { factsFromDefaultCluster } from "./defaultCluster";
import { explain } from "./explain";

/**
 * The hook, or none where the engine cannot take one: Pulumi's mock monitor (which users'
 * unit tests run under) has no error-hook registration, and registering one there would
 * fail the program.
 */
export function diagnoseHalves(hookName: string, readable: Record<HalfKind, boolean>): pulumi.ErrorHook | undefined {
    const monitor = pulumi.runtime.getMonitor() as { registerErrorHook?: unknown } | undefined;
    if (typeof monitor?.registerErrorHook !== "function") return undefined;
    // Bound to the program's context: the engine calls the hook from outside it, and
    // Pulumi's log (like the rest of its runtime state) lives in that context.
    return new pulumi.ErrorHook(
        hookName,
        AsyncResource.bind(async (args: pulumi.ErrorHookArgs) => {
            await pulumi.log.error(await describeFailure(args, readable));
            return false;
        }),
    );
}

async function describeFailure(args: pulumi.ErrorHookArgs, readable: Record<HalfKind, boolean>): Promise<string> {
    const kind = halfOfType(args.type)?.kind ?? "AttachedConnector";
    const metadata = args.newInputs?.metadata ?? {};
    const namespace: string = metadata.namespace ?? "default";
    const where = `${kind} ${namespace}/${metadata.name}`;
    const error = args.errors[0] ?? "";
    if (/no matches for kind|apiVersion for this resource does not exist/i.test(error)) {
        return `${where}: ${args.failedOperation} failed; Skupper's CRDs are not installed in this cluster (no kind ${kind} in ${SKUPPER_API_VERSION}): install Skupper 2.x, with a controller that watches both namespaces of the pair, first`;
    }
    const waitFor: string | undefined = metadata.annotations?.[WAIT_FOR];
    const reason = readable[kind] ? await readReason(kind, namespace, metadata.name, waitFor ?? "") : undefined;
    if (waitFor && /timed out waiting for the condition/.test(error)) {
        const look = `kubectl get ${halves[kind].shortName} -n ${namespace} ${metadata.name} -o yaml`;
        return `${where} did not become ${waitFor.replace(/^condition=/, "")}: ${reason ?? `see its status with \`${look}\``}`;
    }
    return `${where}: ${args.failedOperation} failed${reason ? `; ${reason}` : ""}`;
}

/** The explanation, read with the default provider's credentials; undefined when the cluster cannot be read. */
async function readReason(kind: HalfKind, namespace: string, name: string, waitFor: string) {
    const facts = await factsFromDefaultCluster(kind, namespace, name, waitFor);
    return facts && explain(facts);
}
