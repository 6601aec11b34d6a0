// An error hook on both halves of a pair: when the create or update of a half fails (a
// readiness timeout above all), it reads the object back and reports Skupper's reason,
// so that `pulumi up` says why the half is not ready and not only that the wait timed
// out. One hook serves both halves: the half is known from the failed resource's type,
// and what it waited for from its own await annotation.
import { AsyncResource } from "node:async_hooks";
import * as pulumi from "@pulumi/pulumi";
import { ATTACHED_CONNECTOR_BINDING_TYPE, SKUPPER_API_VERSION, skupperKinds, WAIT_FOR } from "../constants";
import { explainNotReady, HalfObject, NO_PARTNER } from "./explain";
import { defaultAccess, KubeAccess, KubeError, kubeRequest } from "./kubeAccess";

export type HalfKind = "AttachedConnector" | "AttachedConnectorBinding";

/**
 * `readable` says of each half whether it goes through the default provider, whose
 * cluster this process can reach too; a half with a provider of its own is explained
 * without reading it back.
 */
export function diagnosePair(hookName: string, readable: Record<HalfKind, boolean>): pulumi.ErrorHook {
    // Bound to the program's context: the engine calls the hook from outside it, and
    // Pulumi's log (like the rest of its runtime state) lives in that context.
    return new pulumi.ErrorHook(
        hookName,
        AsyncResource.bind(async (args: pulumi.ErrorHookArgs) => {
            const kind: HalfKind =
                args.type === ATTACHED_CONNECTOR_BINDING_TYPE ? "AttachedConnectorBinding" : "AttachedConnector";
            const metadata = args.newInputs?.metadata ?? {};
            const where = `${kind} ${metadata.namespace ?? "default"}/${metadata.name}`;
            const expected: string | undefined = metadata.annotations?.[WAIT_FOR];
            const reason = readable[kind]
                ? await readReason(kind, metadata.namespace, metadata.name, expected ?? "")
                : undefined;
            const look = `kubectl get ${skupperKinds[kind].shortNames[0]} -n ${metadata.namespace} ${metadata.name} -o yaml`;
            const message =
                expected && /timed out waiting for the condition/.test(args.errors[0] ?? "")
                    ? `${where} did not become ${expected.replace(/^condition=/, "")}: ${reason ?? `see its status with \`${look}\``}`
                    : `${where}: ${args.failedOperation} failed${reason ? `; ${reason}` : ""}`;
            // Not attached to the half: its URN resolves only once this hook has returned.
            await pulumi.log.error(message);
            return false;
        }),
    );
}

async function readReason(
    kind: HalfKind,
    namespace: string,
    name: string,
    waitFor: string,
): Promise<string | undefined> {
    let access: KubeAccess;
    try {
        const config = new pulumi.Config("kubernetes");
        access = defaultAccess(config.get("kubeconfig"), config.get("context"));
    } catch {
        return undefined;
    }
    const read = (half: HalfKind, ns: string) =>
        kubeRequest<HalfObject>(
            access,
            "GET",
            `/apis/${SKUPPER_API_VERSION}/namespaces/${ns}/${skupperKinds[half].plural}/${name}`,
        );
    try {
        const object = await read(kind, namespace);
        return explainNotReady(
            kind,
            namespace,
            object,
            waitFor,
            NO_PARTNER.test(object.status?.message ?? "") ? await missingPartner(kind, object, read) : undefined,
        );
    } catch (e) {
        if (e instanceof KubeError && e.status === 404) return explainNotReady(kind, namespace, undefined, waitFor);
        return undefined;
    }
}

/** The other half's kind and place when it does not exist; undefined when it does, or cannot be read. */
async function missingPartner(
    kind: HalfKind,
    object: HalfObject,
    read: (half: HalfKind, ns: string) => Promise<HalfObject>,
): Promise<string | undefined> {
    const partner: HalfKind = kind === "AttachedConnector" ? "AttachedConnectorBinding" : "AttachedConnector";
    const ns = kind === "AttachedConnector" ? object.spec?.siteNamespace : object.spec?.connectorNamespace;
    if (!ns) return undefined;
    try {
        await read(partner, ns);
        return undefined;
    } catch (e) {
        return e instanceof KubeError && e.status === 404 ? `the ${partner} in namespace '${ns}'` : undefined;
    }
}
