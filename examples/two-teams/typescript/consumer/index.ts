// A consumer's stack: a Skupper Listener in its own site for the routing key the site
// team's stack publishes. Skupper creates the Service `backend:8080` there.
import * as pulumi from "@pulumi/pulumi";
import * as skupper from "@skupper-pulumi/attached-connector";

const config = new pulumi.Config();
const site = new pulumi.StackReference(config.require("siteStack"));

const listener = new skupper.ConsumerListener("backend", {
    namespace: config.require("consumerNamespace"),
    routingKey: site.requireOutput("routingKey"),
    port: 8080,
    binding: pulumi
        .all([site.requireOutput("siteNamespace"), site.requireOutput("objectName")])
        .apply(([namespace, name]) => ({ namespace, name })),
});

export const host = listener.host;
export const ready = listener.ready;
export const hasMatchingConnector = listener.hasMatchingConnector;
export const bindingHasMatchingListener = listener.bindingHasMatchingListener;
