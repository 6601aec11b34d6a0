// The demo: a workload namespace with a backend Deployment, a site namespace with a
// Skupper Site, the AttachedConnectorPair that exposes the backend through the site, and
// a consumer's listener for the backend's routing key in the same site, whose Service
// clients connect to.
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { AttachedConnectorPair, ConsumerListener, Site } from "../../provider/index";

const demoDefaults = { workloadNamespace: "demo-shop", siteNamespace: "demo-west", selector: "app=backend" };

export function demo(): Record<string, pulumi.Output<unknown>> {
    const config = new pulumi.Config();
    const workloadNamespace = config.get("workloadNamespace") ?? demoDefaults.workloadNamespace;
    const siteNamespace = config.get("siteNamespace") ?? demoDefaults.siteNamespace;

    const workload = new k8s.core.v1.Namespace("workload", { metadata: { name: workloadNamespace } });
    const siteNs = new k8s.core.v1.Namespace("site", { metadata: { name: siteNamespace } });
    const site = new Site(
        "site",
        { metadata: { name: "west", namespace: siteNamespace }, spec: {} },
        { dependsOn: siteNs },
    );

    const labels = { app: "backend" };
    const backend = new k8s.apps.v1.Deployment(
        "backend",
        {
            metadata: { name: "backend", namespace: workloadNamespace },
            spec: {
                replicas: 1,
                selector: { matchLabels: labels },
                template: {
                    metadata: { labels },
                    spec: {
                        containers: [
                            {
                                name: "backend",
                                image: "quay.io/skupper/hello-world-backend",
                                ports: [{ containerPort: 8080 }],
                            },
                        ],
                    },
                },
            },
        },
        { dependsOn: workload },
    );

    const pair = new AttachedConnectorPair(
        "backend",
        {
            connectorNamespace: workloadNamespace,
            siteNamespace,
            port: 8080,
            selector: demoDefaults.selector,
            routingKey: "backend",
        },
        { dependsOn: [site, backend] },
    );

    const listener = new ConsumerListener(
        "frontend",
        { namespace: siteNamespace, routingKey: pair.routingKey, port: 8080 },
        { dependsOn: site },
    );

    return {
        objectName: pair.objectName,
        routingKey: pair.routingKey,
        ready: pair.ready,
        connectorStatus: pair.connectorStatus,
        bindingStatus: pair.bindingStatus,
        bindingMessage: pair.bindingMessage,
        hasMatchingListener: pair.hasMatchingListener,
        siteNamespace: pair.siteNamespace,
        listenerHost: listener.host,
        listenerPort: pulumi.output(8080),
        hasMatchingConnector: listener.hasMatchingConnector,
    };
}
