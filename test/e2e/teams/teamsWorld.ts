// What the two-team scenarios share: a workload namespace with a ready Deployment, a site
// namespace with a Site (and, for a consumer, a consuming site's namespace with a Site),
// a ServiceAccount token per team that can write only its own namespace, and the three
// teams' stacks, each reading the others' outputs through a StackReference.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { Stack } from "@pulumi/pulumi/automation";
import { ConsumerListener, SiteHalf, WorkloadHalf } from "../../../provider/index";
import { createDeployment, waitForReadyPods } from "../../localenv/cluster/objects";
import { e2e, newStack, referenceTo } from "../harness";

const verbs = ["get", "list", "watch", "create", "update", "patch", "delete"];
const rights = (resource: string, allowed = verbs) => [
    { apiGroups: ["skupper.io"], resources: [resource], verbs: allowed },
];

const provider = (name: string, kubeconfig: string) =>
    new k8s.Provider(name, { kubeconfig: pulumi.secret(kubeconfig) });

/** The stack outputs of a component: the named properties, under their own names. */
function outputs<T extends object, K extends keyof T>(component: T, ...names: K[]): Pick<T, K> {
    return Object.fromEntries(names.map((name) => [name, component[name]])) as Pick<T, K>;
}
const halfStatus = ["ready", "status", "message", "waitingFor"] as const;

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

    /**
     * A team's stack named `<base>-<team>`; `agreed(output, given)` is the other team's stack
     * output when the stack reads it, the value given otherwise.
     */
    const teamStack = (
        team: string,
        other: Stack | undefined,
        declare: (agreed: (output: string, given?: string) => pulumi.Input<string>) => Record<string, unknown>,
    ) =>
        newStack(async () => {
            const ref = other && referenceTo(other);
            return declare((output, given) => (ref ? ref.getOutput(output) : given!));
        }, `${base}-${team}`);

    return {
        shop,
        west,
        east,

        /** The workload team's stack: its half, with the site namespace given or read from the site team's stack. */
        workloadStack: (o: { siteNamespace?: string; fromSiteStack?: Stack; awaitPartner?: boolean }) =>
            teamStack("workload", o.fromSiteStack, (agreed) =>
                outputs(
                    new WorkloadHalf(
                        "backend",
                        {
                            connectorNamespace: shop,
                            siteNamespace: agreed("siteNamespace", o.siteNamespace),
                            objectName: agreed("objectName", "backend"),
                            port: 8080,
                            selector: "app=backend",
                            awaitPartner: o.awaitPartner,
                            timeoutSeconds: 60,
                        },
                        { provider: provider("workload-team", workloadKubeconfig) },
                    ),
                    ...(["objectName", "connectorNamespace", "siteNamespace"] as const),
                    ...halfStatus,
                ),
            ),

        /** The site team's stack: its half, with the connector namespace given or read from the workload team's stack. */
        siteStack: (o: {
            connectorNamespace?: string;
            fromWorkloadStack?: Stack;
            awaitPartner?: boolean;
            routingKey?: string;
        }) =>
            teamStack("site", o.fromWorkloadStack, (agreed) =>
                outputs(
                    new SiteHalf(
                        "backend",
                        {
                            siteNamespace: west,
                            connectorNamespace: agreed("connectorNamespace", o.connectorNamespace),
                            objectName: agreed("objectName", "backend"),
                            routingKey: o.routingKey,
                            awaitPartner: o.awaitPartner,
                            timeoutSeconds: 60,
                        },
                        { provider: provider("site-team", siteKubeconfig) },
                    ),
                    ...([
                        "objectName",
                        "siteNamespace",
                        "connectorNamespace",
                        "routingKey",
                        "hasMatchingListener",
                    ] as const),
                    ...halfStatus,
                ),
            ),

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
                return outputs(
                    listener,
                    "routingKey",
                    "ready",
                    "status",
                    "hasMatchingConnector",
                    "bindingHasMatchingListener",
                );
            }, `${base}-consumer`),
    };
}
