// An AttachedConnectorPair from TypeScript: the workload in one namespace, the site in
// another. The component comes from the npm package, as in any program outside this
// repository.
import * as pulumi from "@pulumi/pulumi";
import * as skupper from "@skupper-pulumi/attached-connector";

const config = new pulumi.Config();

const pair = new skupper.AttachedConnectorPair("backend", {
    connectorNamespace: config.get("workloadNamespace") ?? "example-shop",
    siteNamespace: config.get("siteNamespace") ?? "example-west",
    port: 8080,
    selector: "app=backend",
    routingKey: "backend",
});

export const objectName = pair.objectName;
export const routingKey = pair.routingKey;
export const ready = pair.ready;
export const hasMatchingListener = pair.hasMatchingListener;
