// The west cluster's team: its site, open to links, and a grant for the east site. The
// stack exports the grant's url, and its code and CA as secrets, for the east team's stack.
import * as pulumi from "@pulumi/pulumi";
import * as skupper from "@skupper-pulumi/attached-connector";

const westNamespace = new pulumi.Config().get("westNamespace") ?? "west";

const west = new skupper.SkupperSite("west", { namespace: westNamespace, linkAccess: "default" });
// Time enough for the east team's up; a leaked code soon stops working.
const grant = new skupper.SkupperGrant(
    "to-east",
    { namespace: westNamespace, expirationWindow: "1h" },
    { dependsOn: [west] },
);

export const url = grant.url;
export const code = grant.code;
export const ca = grant.ca;
export const ready = grant.ready;
