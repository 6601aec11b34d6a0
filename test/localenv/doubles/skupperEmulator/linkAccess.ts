// A Site's link access (spec.linkAccess), as Skupper 2.2.1's controller gives it on
// Kubernetes with its default access types (local, loadbalancer, route; loadbalancer is
// the default): `default` or `loadbalancer` makes a RouterAccess `skupper-router` (roles
// inter-router 55671 and edge 45671), whose SecuredAccess makes a Service of type
// LoadBalancer, `skupper-router`, selecting the router's pods. The emulator makes that
// Service itself (siteResources.ts; no RouterAccess or SecuredAccess, kinds whose CRDs the
// emulated mode does not install) and reads its address: once the cloud
// (cluster/loadBalancers.ts) writes one in status.loadBalancer.ingress, each port at each
// address is an endpoint of the Site in group skupper-router, and Resolved is True; until
// then Resolved is Pending "Pending". `local` and `route` are valid but not emulated (the
// Site stays unresolved); any other value is refused, as Skupper refuses it.
import type { Endpoint } from "../../../../provider/crds";
import { canonical, KubeObject, siteOwnerReference, text } from "./objects";
import { pendingState, READY, setCondition, setReady, siteRequires } from "./conditions";

export const LINK_ACCESS_SERVICE = "skupper-router";
/** The label of the Services that SecuredAccesses make: the emulator lists these. */
export const SECURED_ACCESS_LABEL = "internal.skupper.io/secured-access";
export const ROUTER_GROUP = "skupper-router";
const ROLES = [
    { name: "inter-router", port: 55671 },
    { name: "edge", port: 45671 },
];
const VALID = ["", "none", "default", "local", "loadbalancer", "route"];

/** Whether the Site asks for link access (and so needs Resolved to be Ready). */
export function linkAccessRequired(site: KubeObject): boolean {
    return siteRequires(site).includes("Resolved");
}

/** Configured's error for a link access Skupper does not offer, else undefined. */
export function unsupportedLinkAccess(site: KubeObject): string | undefined {
    const linkAccess = text(site.spec?.linkAccess);
    return VALID.includes(linkAccess) ? undefined : `Unsupported value for LinkAccess: ${linkAccess}`;
}

/** The Service of a Site's link access, or undefined when the Site wants none (or one not emulated). */
export function linkAccessService(site: KubeObject): KubeObject | undefined {
    if (!["default", "loadbalancer"].includes(text(site.spec?.linkAccess))) return undefined;
    return {
        metadata: {
            name: LINK_ACCESS_SERVICE,
            namespace: site.metadata.namespace,
            labels: { [SECURED_ACCESS_LABEL]: "true" },
            annotations: { "internal.skupper.io/controlled": "true" },
            // Skupper's is owned by its SecuredAccess, owned by the RouterAccess, owned by the Site.
            ownerReferences: [siteOwnerReference(site)],
        },
        spec: {
            type: "LoadBalancer",
            selector: { "skupper.io/component": "router", "skupper.io/group": ROUTER_GROUP },
            ports: ROLES.map(({ name, port }) => ({ name, port, targetPort: port, protocol: "TCP" })),
        },
    };
}

/** The endpoints a link access Service gives: each port at each address of its load balancer. */
export function endpointsOf(service: KubeObject | undefined): Endpoint[] {
    const endpoints: Endpoint[] = [];
    for (const ingress of service?.status?.loadBalancer?.ingress ?? []) {
        const host = ingress.ip || ingress.hostname;
        if (!host) continue;
        for (const port of service!.spec?.ports ?? []) {
            endpoints.push({ name: port.name, host, port: String(port.port), group: ROUTER_GROUP });
        }
    }
    return endpoints;
}

/** status.endpoints and Resolved (with Ready when Resolved changed). True when anything changed. */
export function setEndpoints(site: KubeObject, endpoints: Endpoint[], now: string): boolean {
    site.status ??= {};
    let changed = false;
    if (canonical(site.status.endpoints ?? []) !== canonical(endpoints)) {
        if (endpoints.length) site.status.endpoints = endpoints;
        else delete site.status.endpoints; // omitted when empty
        changed = true;
    }
    if (setCondition(site, "Resolved", endpoints.length ? READY : pendingState("Pending"), now)) {
        setReady(site, siteRequires(site), now);
        changed = true;
    }
    return changed;
}
