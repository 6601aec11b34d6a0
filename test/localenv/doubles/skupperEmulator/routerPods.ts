// The router pods of the Sites. For the Site it takes up in a namespace, Skupper's
// controller runs a router Deployment there (siteResources.ts), whose pods kwok runs. One
// informer of the controller watches the pods of every router (skupper.io/component=router,
// skupper.io/type=site) in all namespaces; each change of one is an event for its
// namespace, whose Site sets Running from all the router pods it has heard of: Ready once
// one is Running and Ready, else Pending with the message of the last pod's first False
// condition, or "Pod <name> not ready" when it has none False, or "No router pod is ready"
// when there is no pod. Like the other pod informers it resyncs every five minutes.
import { Arrival, Change } from "./arrivals";
import { ClusterView } from "./clusterView";
import { ConditionState, pendingState, READY } from "./conditions";
import { QueuedEvent } from "./eventQueue";
import { labelTest } from "./labels";
import { keyOf, KubeObject, revisionOf } from "./objects";
import { isReady, isRunning, POD_RESYNC_MS } from "./podWatcher";

/** The labels of the router pods the controller watches. */
export const ROUTER_POD_SELECTOR = "skupper.io/component=router,skupper.io/type=site";

const watches = (pod: KubeObject) => labelTest(ROUTER_POD_SELECTOR)(pod.metadata.labels ?? {});

export function routerPodEvent(podKey: string): QueuedEvent {
    return { id: `RouterPod ${podKey}`, kind: "Pod", key: podKey };
}

export class RouterPodInformer {
    /** The keys of the router pods its cache held at the last poll. */
    private known = new Set<string>();
    private lastResync?: number;

    /** The pod as the informer holds it: undefined when it is gone or is no router's any more. */
    read(view: ClusterView, key: string): KubeObject | undefined {
        const pod = view.read("Pod", key);
        return pod && watches(pod) ? pod : undefined;
    }

    /** The events a poll's changes make, a pod that left the selector included, and the resync when due. */
    arrivals(changes: Change[], view: ClusterView, time: number): Arrival[] {
        this.lastResync ??= time;
        const arrivals: Arrival[] = [];
        for (const change of changes) {
            if (change.kind !== "Pod") continue;
            const watchedNow = change.object !== undefined && watches(change.object);
            if (watchedNow || this.known.has(change.key)) {
                arrivals.push({ position: change.position, event: routerPodEvent(change.key) });
            }
        }
        const cache = view.objects("Pod").filter(watches);
        if (time - this.lastResync >= POD_RESYNC_MS) {
            this.lastResync = time;
            for (const pod of cache) arrivals.push({ position: revisionOf(pod), event: routerPodEvent(keyOf(pod)) });
        }
        this.known = new Set(cache.map(keyOf));
        return arrivals;
    }
}

/** Running, from the router pods of a namespace. */
export function runningState(pods: KubeObject[]): ConditionState {
    let state = pendingState("No router pod is ready");
    for (const pod of pods) {
        if (isRunning(pod) && isReady(pod)) return READY;
        const failing = (pod.status?.conditions ?? []).find((condition: any) => condition.status === "False");
        state = pendingState(failing ? String(failing.message ?? "") : `Pod ${pod.metadata.name} not ready`);
    }
    return state;
}
