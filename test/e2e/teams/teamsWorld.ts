// What the two-team scenarios share: a workload namespace with a ready Deployment, a site
// namespace with a Site (and, for a consumer, a consuming site's namespace with a Site),
// a ServiceAccount token per team that can write only its own namespace, and the three
// teams' stacks, each reading the others' outputs through a StackReference.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { Stack } from "@pulumi/pulumi/automation";
import { ConsumerListener, SiteHalf, WorkloadHalf } from "../../../provider/index";
import { createDeployment, waitForReadyPods } from "../../localenv/cluster/objects";
import { e2e, newStack } from "../harness";

const verbs = ["get", "list", "watch", "create", "update", "patch", "delete"];
const rights = (resource: string, allowed = verbs) => [
    { apiGroups: ["skupper.io"], resources: [resource], verbs: allowed },
];

/** A stack's fully qualified name, as a StackReference names it on the local backend. */
const referenceTo = (stack: Stack) => new pulumi.StackReference(`organization/skupper-e2e/${stack.name}`);

const provider = (name: string, kubeconfig: string) =>
    new k8s.Provider(name, { kubeconfig: pulumi.secret(kubeconfig) });

export type TeamsWorld = Awaited<ReturnType<typeof teamsWorld>>;

export async function teamsWorld(base: string, options: { consumer?: boolean } = {}) {
    const { env, kube } = e2e();
    const [shop, west, east] = ["shop", "west", "east"].map((n) => env.namespace(`${base}-${n}`));
    await env.createNamespaces(shop, west, ...(options.consumer ? [east] : []));
    await env.createSite(west);
    if (options.consumer) await env.createSite(east);
    await createDeployment(kube, shop, "backend", { app: "backend" });
    await waitForReadyPods(kube, shop, "app=backend", 1);
    const workloadKubeconfig = await env.teamKubeconfig(shop, "workload-team", rights("attachedconnectors"));
    const siteKubeconfig = await env.teamKubeconfig(west, "site-team", rights("attachedconnectorbindings"));
    const consumerKubeconfig = options.consumer
        ? await env.teamKubeconfig(east, "consumer-team", rights("listeners"))
        : "";
    const bindingReader = options.consumer
        ? await env.teamKubeconfig(
              west,
              "consumer-reader",
              rights("attachedconnectorbindings", ["get", "list", "watch"]),
          )
        : "";

    return {
        shop,
        west,
        east,

        /** The workload team's stack: its half, with the site namespace given or read from the site team's stack. */
        workloadStack: (o: { siteNamespace?: string; fromSiteStack?: Stack; awaitPartner?: boolean }) =>
            newStack(async () => {
                const ref = o.fromSiteStack && referenceTo(o.fromSiteStack);
                const half = new WorkloadHalf(
                    "backend",
                    {
                        connectorNamespace: shop,
                        siteNamespace: ref ? ref.getOutput("siteNamespace") : o.siteNamespace!,
                        objectName: ref ? ref.getOutput("objectName") : "backend",
                        port: 8080,
                        selector: "app=backend",
                        awaitPartner: o.awaitPartner,
                        timeoutSeconds: 60,
                    },
                    { provider: provider("workload-team", workloadKubeconfig) },
                );
                return {
                    objectName: half.objectName,
                    connectorNamespace: half.connectorNamespace,
                    siteNamespace: half.siteNamespace,
                    ready: half.ready,
                    status: half.status,
                    message: half.message,
                    waitingFor: half.waitingFor,
                };
            }, `${base}-workload`),

        /** The site team's stack: its half, with the connector namespace given or read from the workload team's stack. */
        siteStack: (o: {
            connectorNamespace?: string;
            fromWorkloadStack?: Stack;
            awaitPartner?: boolean;
            routingKey?: string;
        }) =>
            newStack(async () => {
                const ref = o.fromWorkloadStack && referenceTo(o.fromWorkloadStack);
                const half = new SiteHalf(
                    "backend",
                    {
                        siteNamespace: west,
                        connectorNamespace: ref ? ref.getOutput("connectorNamespace") : o.connectorNamespace!,
                        objectName: ref ? ref.getOutput("objectName") : "backend",
                        routingKey: o.routingKey,
                        awaitPartner: o.awaitPartner,
                        timeoutSeconds: 60,
                    },
                    { provider: provider("site-team", siteKubeconfig) },
                );
                return {
                    objectName: half.objectName,
                    siteNamespace: half.siteNamespace,
                    connectorNamespace: half.connectorNamespace,
                    routingKey: half.routingKey,
                    ready: half.ready,
                    status: half.status,
                    message: half.message,
                    hasMatchingListener: half.hasMatchingListener,
                    waitingFor: half.waitingFor,
                };
            }, `${base}-site`),

        /** The consumer's stack: a listener in its own site for the routing key the site team's stack publishes. */
        consumerStack: (siteStack: Stack) =>
            newStack(async () => {
                const ref = referenceTo(siteStack);
                const listener = new ConsumerListener(
                    "orders",
                    {
                        namespace: east,
                        routingKey: ref.getOutput("routingKey"),
                        port: 8080,
                        binding: pulumi
                            .all([ref.getOutput("siteNamespace"), ref.getOutput("objectName")])
                            .apply(([namespace, name]) => ({ namespace, name })),
                        bindingProvider: provider("binding-reader", bindingReader),
                        timeoutSeconds: 60,
                    },
                    { provider: provider("consumer-team", consumerKubeconfig) },
                );
                return {
                    routingKey: listener.routingKey,
                    ready: listener.ready,
                    status: listener.status,
                    hasMatchingConnector: listener.hasMatchingConnector,
                    bindingHasMatchingListener: listener.bindingHasMatchingListener,
                };
            }, `${base}-consumer`),
    };
}
