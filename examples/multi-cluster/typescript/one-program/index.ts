// One program, a provider per cluster: the west site accepts links and exposes the
// workload; the east site links to it with west's grant and listens for the workload's
// routing key. The grant's code and CA go from one cluster to the other as secrets.
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import * as skupper from "@skupper-pulumi/attached-connector";

const config = new pulumi.Config();
const westNamespace = config.get("westNamespace") ?? "west";
const eastNamespace = config.get("eastNamespace") ?? "east";
const westCluster = new k8s.Provider("west-cluster", { kubeconfig: config.requireSecret("westKubeconfig") });
const eastCluster = new k8s.Provider("east-cluster", { kubeconfig: config.requireSecret("eastKubeconfig") });

// The accepting site: link access gives it an address the east site's router can reach.
const west = new skupper.SkupperSite(
    "west",
    { namespace: westNamespace, linkAccess: "default" },
    { provider: westCluster },
);
const east = new skupper.SkupperSite("east", { namespace: eastNamespace }, { provider: eastCluster });

const grant = new skupper.SkupperGrant(
    "to-east",
    { namespace: westNamespace },
    { provider: westCluster, dependsOn: [west] },
);
const link = new skupper.SkupperLink(
    "to-west",
    { namespace: eastNamespace, url: grant.url, code: grant.code, ca: grant.ca },
    { provider: eastCluster, dependsOn: [east] },
);

const backend = new skupper.AttachedConnectorPair(
    "backend",
    {
        connectorNamespace: config.get("workloadNamespace") ?? "shop",
        siteNamespace: westNamespace,
        port: 8080,
        selector: "app=backend",
        routingKey: "backend",
    },
    { provider: westCluster, dependsOn: [west] },
);
const listener = new skupper.ConsumerListener(
    "backend",
    { namespace: eastNamespace, routingKey: backend.routingKey, port: 8080, awaitConnector: true },
    { provider: eastCluster, dependsOn: [link] },
);

export const linkConfigured = link.configured;
export const ready = backend.ready;
export const hasMatchingConnector = listener.hasMatchingConnector;
export const eastNetwork = east.network;
