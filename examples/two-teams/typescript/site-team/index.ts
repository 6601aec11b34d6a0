// The site team's stack: consents to the workload team's connector, whose namespace and
// name it reads from the workload team's stack, and publishes it under a routing key.
// The workload team went first, so this up waits until Skupper has configured the pair.
import * as pulumi from "@pulumi/pulumi";
import * as skupper from "@skupper-pulumi/attached-connector";

const config = new pulumi.Config();
const workload = new pulumi.StackReference(config.require("workloadStack"));

const half = new skupper.SiteHalf("backend", {
    siteNamespace: config.require("siteNamespace"),
    connectorNamespace: workload.requireOutput("connectorNamespace"),
    objectName: workload.requireOutput("objectName"),
    routingKey: "backend",
    awaitPartner: true,
});

// What the consumers' stacks read through a StackReference.
export const routingKey = half.routingKey;
export const siteNamespace = half.siteNamespace;
export const objectName = half.objectName;
export const ready = half.ready;
export const hasMatchingListener = half.hasMatchingListener;
