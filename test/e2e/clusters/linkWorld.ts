// What the cases of linked clusters share: the two sites and the link between them, in a
// program with a provider for cluster b; and the wait for a site's network, which is its
// router's report and grows after the link is configured, so a case waits until the site
// shows the sites it should before the plain up that reads it (and the no-changes check).
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { SkupperGrant, SkupperLink, SkupperSite } from "../../../provider/index";
import { KubeClient, paths } from "../../localenv/cluster/kubeClient";
import { e2e } from "../harness";
import { waitForObject } from "../lifecycle/pairWorld";

export function waitForSitesInNetwork(kube: KubeClient, namespace: string, site: string, count: number) {
    return waitForObject(
        kube,
        paths.skupper(namespace, "Site", site),
        `${namespace}'s network of ${count} sites`,
        (s) => s.status?.sitesInNetwork === count,
        90000,
    );
}

/** Inside a program: site west (with link access) in cluster a, site east in cluster b, and east linked to west. */
export function linkedSites(west: string, east: string, bKubeconfig: string, cost?: number) {
    const clusterB = new k8s.Provider("cluster-b", { kubeconfig: pulumi.secret(bKubeconfig) });
    const westSite = new SkupperSite("west", { namespace: west, linkAccess: "default", timeoutSeconds: 120 });
    const eastSite = new SkupperSite("east", { namespace: east, timeoutSeconds: 120 }, { provider: clusterB });
    const grant = new SkupperGrant("to-east", { namespace: west, timeoutSeconds: 120 }, { dependsOn: [westSite] });
    const link = new SkupperLink(
        "to-west",
        { namespace: east, url: grant.url, code: grant.code, ca: grant.ca, cost, timeoutSeconds: 120 },
        { provider: clusterB, dependsOn: [eastSite] },
    );
    return { clusterB, westSite, eastSite, grant, link };
}

/** With routers, a Link turns Ready (operational) after it is configured: the case waits for that too. */
export async function waitForLinkSettled(kube: KubeClient, namespace: string, link: string): Promise<void> {
    if (e2e().env.mode !== "network") return;
    await waitForObject(
        kube,
        paths.skupper(namespace, "Link", link),
        `the Link ${namespace}/${link} operational`,
        (l) => l.status?.status === "Ready",
        90000,
    );
}
