// What the cases of linked clusters share: the two sites and the link between them, in a
// program with a provider for cluster b; and the wait for a site's network, which is its
// router's report and grows after the link is configured, so a case waits until the site
// shows the sites it should before the plain up that reads it (and the no-changes check).
import * as fs from "node:fs";
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { SkupperGrant, SkupperLink, SkupperSite } from "../../../provider/index";
import { KubeClient, paths } from "../../localenv/cluster/kubeClient";
import { e2e } from "../harness";
import { waitForObject } from "../lifecycle/pairWorld";
import { secondCluster } from "../secondCluster";

/** The case's two clusters, a new namespace in each for sites west (a) and east (b), and b's kubeconfig. */
export async function westAndEast(context: Mocha.Context, prefix: string) {
    const a = e2e().env;
    const b = await secondCluster(context);
    const [west, east] = [a.namespace(`${prefix}-west`), a.namespace(`${prefix}-east`)];
    await a.createNamespaces(west);
    await b.createNamespaces(east);
    return { a, b, west, east, bKubeconfig: fs.readFileSync(b.kubeconfig, "utf8") };
}

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
    const sites = sitesToLink(west, east, bKubeconfig);
    return { ...sites, ...linkBetween(sites, west, east, cost) };
}

/** Inside a program: site west (with link access) in cluster a and site east in cluster b, not linked. */
export function sitesToLink(west: string, east: string, bKubeconfig: string) {
    const clusterB = new k8s.Provider("cluster-b", { kubeconfig: pulumi.secret(bKubeconfig) });
    const westSite = new SkupperSite("west", { namespace: west, linkAccess: "default", timeoutSeconds: 120 });
    const eastSite = new SkupperSite("east", { namespace: east, timeoutSeconds: 120 }, { provider: clusterB });
    return { clusterB, westSite, eastSite };
}

/** Inside a program: the grant in west's namespace and the link to it from east's, as `to-west`. */
export function linkBetween(sites: ReturnType<typeof sitesToLink>, west: string, east: string, cost?: number) {
    const grant = new SkupperGrant(
        "to-east",
        { namespace: west, timeoutSeconds: 120 },
        { dependsOn: [sites.westSite] },
    );
    const link = new SkupperLink(
        "to-west",
        { namespace: east, url: grant.url, code: grant.code, ca: grant.ca, cost, timeoutSeconds: 120 },
        { provider: sites.clusterB, dependsOn: [sites.eastSite] },
    );
    return { grant, link };
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
