// The workload team's stack: offers the pods labelled app=backend in its own namespace to
// the site team's namespace. Its up does not wait for the site team; `waitingFor` says
// what is missing until the site team's stack has declared the binding.
import * as pulumi from "@pulumi/pulumi";
import * as skupper from "@skupper-pulumi/attached-connector";

const config = new pulumi.Config();

const half = new skupper.WorkloadHalf("backend", {
    connectorNamespace: config.require("workloadNamespace"),
    siteNamespace: config.require("siteNamespace"),
    port: 8080,
    selector: "app=backend",
});

// What the site team's stack reads through a StackReference.
export const objectName = half.objectName;
export const connectorNamespace = half.connectorNamespace;
export const ready = half.ready;
export const waitingFor = half.waitingFor;
