// What the controller's parts (a site namespace's attached connectors, its listeners,
// its Site, the grants) need from the whole while they handle an event.
import { ClusterView } from "./clusterView";
import { KubeObject } from "./objects";
import { PodConsumer, PodWatcher } from "./podWatcher";

/** A token to redeem for the Site of its namespace (redeemer.ts). */
export interface Redemption {
    token: KubeObject;
    site: KubeObject;
}

/**
 * What the controller does beyond status writes, which the process carries out after the
 * poll's writes: an update of a grant's spec, and the redemption of a token (an HTTPS
 * request to another controller, which Skupper's makes while it handles the event).
 */
export class Requests {
    /** AccessGrants as handled, their spec to be updated to allow one redemption. */
    grantUpdates: KubeObject[] = [];
    redemptions: Redemption[] = [];
}

export interface Controller {
    /** The cluster as this poll shows it, with the status writes made so far. */
    readonly cluster: ClusterView;
    readonly requests: Requests;
    /** Starts a pod watcher; the pods it lists first come as events behind those already queued. */
    watchPods(consumer: PodConsumer, namespace: string, selector: string): PodWatcher;
    stopWatching(watcher: PodWatcher): void;
}
