// What the cases of linked clusters share: a site's network is its router's report, which
// grows after the link is configured, so a case waits until the site shows the sites it
// should before the plain up that reads it (and the no-changes check after it).
import { SKUPPER_API_VERSION } from "../../../provider/constants";
import { KubeClient } from "../../localenv/cluster/kubeClient";
import { waitForObject } from "../lifecycle/pairWorld";

export function waitForSitesInNetwork(kube: KubeClient, namespace: string, site: string, count: number) {
    return waitForObject(
        kube,
        `/apis/${SKUPPER_API_VERSION}/namespaces/${namespace}/sites/${site}`,
        `${namespace}'s network of ${count} sites`,
        (s) => s.status?.sitesInNetwork === count,
        90000,
    );
}
