// TEST DOUBLE, never shipped in the package: a stand-in for what Skupper 2.2.1's
// controller does on Sites, AttachedConnectors (acnr), AttachedConnectorBindings (acnrb),
// Listeners (lnr), AccessGrants, AccessTokens and Links, and for its grant server. The
// end-to-end tier runs it ("emulated mode") only where no real controller can be had; the
// same scenarios against the real controller ("real mode") keep it honest. It describes
// observable behaviour, it is not a port.
//
// This file is the process: every 200 ms it lists the cluster, lets the model in
// skupperEmulator/ handle what changed as the controller would have (one queue, events in
// the order they happened, its own writes coming back as events, informers resyncing
// every 30 s for Skupper's kinds and every 5 minutes for pods, ConfigMaps and Services),
// PUTs the statuses that differ from the cluster's, creates the Listeners' Services and
// each Site's router Deployment and link access Service, then does what the handlers
// asked for besides: a grant's spec updated, a token redeemed (redeemer.ts). Given a
// port, it serves grants there on 127.0.0.1 (skupperEmulator/grantServer.ts).
//
//   node -r ts-node/register/transpile-only localenv/doubles/skupperEmulator.ts --kubeconfig <file>
//       [--namespace skupper --grant-server-port <port> --grant-server-base-url 127.0.0.1:<port>]
import { KubeClient, KubeError, paths } from "../cluster/kubeClient";
import { readKubeconfig } from "../cluster/kubeconfig";
import { SKUPPER_API_VERSION, SkupperKind } from "../../../provider/constants";
import { issueCertificate } from "./skupperEmulator/certificates";
import { Requests } from "./skupperEmulator/controller";
import { answerClaim, grantServerCredentials, serveGrants } from "./skupperEmulator/grantServer";
import { SECURED_ACCESS_LABEL } from "./skupperEmulator/linkAccess";
import { planServices, wantedServices } from "./skupperEmulator/listenerServices";
import { ModelOptions, SkupperControllerModel } from "./skupperEmulator/model";
import { ClusterSnapshot, KubeObject, StatusWrite, WatchedKind } from "./skupperEmulator/objects";
import { redeem } from "./skupperEmulator/redeemer";
import { createMissing, SiteResources } from "./skupperEmulator/siteResources";

export { SkupperControllerModel } from "./skupperEmulator/model";
export type { ClusterSnapshot, KubeObject, StatusWrite } from "./skupperEmulator/objects";

const POLL_INTERVAL_MS = 200;
const LISTENER_SERVICES = "/api/v1/services?labelSelector=internal.skupper.io%2Flistener";
const NETWORK_STATUS_CONFIG_MAPS = "/api/v1/configmaps?fieldSelector=metadata.name%3Dskupper-network-status";
const LINK_ACCESS_SERVICES = `/api/v1/services?labelSelector=${encodeURIComponent(SECURED_ACCESS_LABEL)}`;

/**
 * Lists what the controller watches; each list's own resourceVersion says when it was
 * read. Without `linking`, not the kinds that link sites nor the link access Services (the
 * network-status writer needs none of them).
 */
export async function readSnapshot(kube: KubeClient, now = new Date(), linking = true): Promise<ClusterSnapshot> {
    const revisions: Partial<Record<WatchedKind, string>> = {};
    const list = async (kind: WatchedKind, path: string): Promise<KubeObject[]> => {
        const answer = await kube.get<{ metadata?: { resourceVersion?: string }; items?: KubeObject[] }>(path);
        revisions[kind] = answer.metadata?.resourceVersion;
        return answer.items ?? [];
    };
    const skupper = (kind: SkupperKind) => list(kind as WatchedKind, paths.skupperAll(kind));
    const sites = await skupper("Site");
    // Bindings before connectors: the component creates the connector first, so a binding
    // listed comes with its connector.
    const bindings = await skupper("AttachedConnectorBinding");
    const connectors = await skupper("AttachedConnector");
    const listeners = await skupper("Listener");
    const pods = await list("Pod", "/api/v1/pods");
    const networkStatus = await list("ConfigMap", NETWORK_STATUS_CONFIG_MAPS);
    // Last, and at once: the longer a poll, the likelier the network reports a Listener in
    // the poll that first lists it, whose Matched write Skupper then loses (listeners.ts).
    const [grants, tokens, links, services] = linking
        ? await Promise.all([
              skupper("AccessGrant"),
              skupper("AccessToken"),
              skupper("Link"),
              list("Service", LINK_ACCESS_SERVICES),
          ])
        : [[], [], [], []];
    return {
        sites,
        connectors,
        bindings,
        listeners,
        pods,
        networkStatus,
        grants,
        tokens,
        links,
        services,
        revisions,
        now: now.toISOString().replace(/\.\d+Z$/, "Z"),
    };
}

/** PUTs one status; the object as stored, or undefined when it changed or went away meanwhile. */
export async function writeStatus(kube: KubeClient, { kind, object }: StatusWrite): Promise<KubeObject | undefined> {
    const { name, namespace } = object.metadata;
    try {
        const stored = await kube.request<KubeObject>("PUT", `${paths.skupper(namespace, kind, name)}/status`, {
            ...object,
            apiVersion: SKUPPER_API_VERSION,
            kind,
        });
        const summary = `${object.status.status ?? ""} ${object.status.message ?? ""}`;
        console.log(`[skupper-emulator] ${kind} ${namespace}/${name}: ${summary}`);
        return stored;
    } catch (e) {
        // 409: the object changed since it was listed; 404: it is gone. The next poll sees either.
        if (e instanceof KubeError && (e.status === 409 || e.status === 404)) return undefined;
        throw e;
    }
}

/** One round: list, handle, write. A write that fails does not keep the others from being made. */
export async function pollOnce(kube: KubeClient, model: SkupperControllerModel): Promise<void> {
    const writes = model.step(await readSnapshot(kube));
    for (const write of writes) {
        let stored: KubeObject | undefined;
        try {
            stored = await writeStatus(kube, write);
        } catch (e) {
            const { namespace, name } = write.object.metadata;
            console.error(`[skupper-emulator] ${write.kind} ${namespace}/${name}: ${(e as Error).message}`);
        }
        if (stored) model.acknowledge(write.kind, stored);
        else model.writeFailed(write.kind, write.object);
    }
}

/**
 * The Services the Listeners call for (skupperEmulator/listenerServices.ts). A create the
 * API server refuses is logged and not tried again until what is wanted changes.
 */
export async function syncListenerServices(
    kube: KubeClient,
    model: SkupperControllerModel,
    refused: Map<string, string>,
): Promise<void> {
    const exposing = model.exposingNamespaces();
    const listed = await kube.get<{ items?: KubeObject[] }>(LISTENER_SERVICES);
    const plan = planServices(wantedServices(exposing), listed.items ?? [], new Set(exposing.map((n) => n.namespace)));
    const collection = (namespace: string) => `/api/v1/namespaces/${namespace}/services`;
    await createMissing(kube, plan.create, [], collection, refused, "Service");
    for (const service of plan.update) {
        const path = `/api/v1/namespaces/${service.metadata.namespace}/services/${service.metadata.name}`;
        await kube.request("PUT", path, service).catch((e: Error) => console.error(`[skupper-emulator] ${e.message}`));
    }
    for (const service of plan.remove) {
        const path = `/api/v1/namespaces/${service.metadata.namespace}/services/${service.metadata.name}`;
        await kube.delete(path).catch((e: Error) => console.error(`[skupper-emulator] ${e.message}`));
    }
}

/** What the handlers asked for besides statuses: grants updated to allow one redemption, tokens redeemed. */
export async function carryOut(kube: KubeClient, requests: Requests): Promise<void> {
    for (const grant of requests.grantUpdates) {
        const { namespace, name } = grant.metadata;
        const updated = { ...grant, apiVersion: SKUPPER_API_VERSION, kind: "AccessGrant" };
        updated.spec = { ...grant.spec, redemptionsAllowed: 1 };
        // A conflict is only logged: the grant's next event asks again.
        await kube
            .request("PUT", paths.skupper(namespace, "AccessGrant", name), updated)
            .catch((e: Error) => console.error(`[skupper-emulator] AccessGrant ${namespace}/${name}: ${e.message}`));
    }
    const redeemed = new Set<string>();
    for (const redemption of requests.redemptions) {
        const { namespace, name } = redemption.token.metadata;
        if (redeemed.has(`${namespace}/${name}`)) continue;
        redeemed.add(`${namespace}/${name}`);
        await redeem(kube, redemption).catch((e: Error) =>
            console.error(`[skupper-emulator] AccessToken ${namespace}/${name}: ${e.message}`),
        );
    }
}

/** The model, and with a grant server port the grant server, which serves before the first poll. */
async function startController(kube: KubeClient, option: (flag: string) => string | undefined) {
    const port = option("--grant-server-port");
    if (!port) return new SkupperControllerModel();
    const baseUrl = option("--grant-server-base-url") ?? `127.0.0.1:${port}`;
    const credentials = await grantServerCredentials(kube, option("--namespace") ?? "skupper");
    const options: ModelOptions = { grantServer: { baseUrl, ca: credentials.ca } };
    const model = new SkupperControllerModel(undefined, options);
    const desk = {
        kube,
        claim: (uid: string) => model.grants.claim(uid),
        activeSite: (namespace: string) => model.activeSite(namespace),
        linkCredentials: issueCertificate("skupper-emulator link", []),
    };
    await serveGrants(Number(port), credentials, (request) => answerClaim(desk, request));
    console.log(`[skupper-emulator] serving grants at https://${baseUrl}/ (on 127.0.0.1:${port})`);
    return model;
}

async function main(argv: string[]): Promise<void> {
    const option = (flag: string) => (argv.indexOf(flag) >= 0 ? argv[argv.indexOf(flag) + 1] : undefined);
    const file = option("--kubeconfig") ?? process.env.KUBECONFIG;
    if (!file) throw new Error("usage: skupperEmulator.ts --kubeconfig <file>");
    const kube = new KubeClient(readKubeconfig(file));
    const model = await startController(kube, option);
    const refused = new Map<string, string>();
    const siteResources = new SiteResources(kube);
    let stopping = false;
    let wake = () => {};
    const stop = () => {
        stopping = true;
        wake();
    };
    process.on("SIGTERM", stop).on("SIGINT", stop);
    console.log("[skupper-emulator] watching all namespaces");
    while (!stopping) {
        try {
            await pollOnce(kube, model);
            await syncListenerServices(kube, model, refused);
            await siteResources.sync(model.exposingNamespaces());
            await carryOut(kube, model.takeRequests());
        } catch (e) {
            console.error(`[skupper-emulator] ${(e as Error).message}`);
        }
        await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, POLL_INTERVAL_MS);
            wake = () => {
                clearTimeout(timer);
                resolve();
            };
        });
    }
}

if (require.main === module) {
    main(process.argv.slice(2)).then(
        () => process.exit(0),
        (e) => {
            console.error(`[skupper-emulator] ${e.message}`);
            process.exit(1);
        },
    );
}
