// The east cluster's team: its site, linked to the west site with the grant that the west
// team's stack exports. The code and CA stay secrets through the StackReference.
import * as pulumi from "@pulumi/pulumi";
import * as skupper from "@skupper-pulumi/attached-connector";

const config = new pulumi.Config();
const eastNamespace = config.get("eastNamespace") ?? "east";
const accepting = new pulumi.StackReference(config.require("acceptingStack"));

const east = new skupper.SkupperSite("east", { namespace: eastNamespace });
const link = new skupper.SkupperLink(
    "to-west",
    {
        namespace: eastNamespace,
        url: accepting.requireOutput("url") as pulumi.Output<string>,
        code: accepting.requireOutput("code") as pulumi.Output<string>,
        ca: accepting.requireOutput("ca") as pulumi.Output<string>,
    },
    { dependsOn: [east] },
);

export const redeemed = link.redeemed;
export const configured = link.configured;
export const network = east.network;
