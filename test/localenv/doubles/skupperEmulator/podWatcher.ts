// Pod watchers. The controller watches the pods of an attached connector's selector with
// an informer of their own, in the connector's namespace. Every pod it lists at the start,
// every change to one of its pods (a pod leaving the selector included) and every pod at
// its resync, every five minutes, is an event on the controller's queue; handling one
// reports the pods that count, all of them, to the attached connector. A stopped
// watcher's cache stays as it was, and its events still waiting are still handled.
import { Arrival, Change } from "./arrivals";
import { ClusterView } from "./clusterView";
import { QueuedEvent } from "./eventQueue";
import { keyOf, KubeObject, revisionOf } from "./objects";
import { labelTest, LabelTest } from "./labels";

/** The informers of pods (and ConfigMaps) resync every five minutes. */
export const POD_RESYNC_MS = 5 * 60 * 1000;

/** What a pod watcher reports to. */
export interface PodConsumer {
    /** Whether Running pods that are not Ready count; read at each report. */
    includeNotReadyPods(): boolean;
    /** The pods that count now. False when a status write it made failed. */
    podsUpdated(pods: KubeObject[]): boolean;
}

export function isReady(pod: KubeObject): boolean {
    const ready = (pod.status?.conditions ?? []).find((condition: any) => condition.type === "Ready");
    return ready?.status === "True";
}

export function isRunning(pod: KubeObject): boolean {
    return pod.status?.phase === "Running";
}

export class PodWatcher {
    private readonly labels: LabelTest;
    private frozenCache?: KubeObject[];
    /** The keys of the pods its cache held at the last poll. */
    known = new Set<string>();
    lastResync: number;

    constructor(
        readonly id: number,
        readonly namespace: string,
        readonly selector: string,
        readonly consumer: PodConsumer,
        startedAt: number,
    ) {
        this.labels = labelTest(selector);
        this.lastResync = startedAt;
    }

    get stopped(): boolean {
        return this.frozenCache !== undefined;
    }

    watches(pod: KubeObject): boolean {
        return pod.metadata.namespace === this.namespace && this.labels(pod.metadata.labels ?? {});
    }

    /** The pods its informer holds: those of its selector now, or those it held when stopped. */
    cache(view: ClusterView): KubeObject[] {
        return this.frozenCache ?? view.objects("Pod").filter((pod) => this.watches(pod));
    }

    /** The pods that count: Running, not being deleted, and Ready unless not-ready pods count. */
    counted(view: ClusterView): KubeObject[] {
        const anyReadiness = this.consumer.includeNotReadyPods();
        return this.cache(view).filter(
            (pod) => (anyReadiness || isReady(pod)) && isRunning(pod) && !pod.metadata.deletionTimestamp,
        );
    }

    report(view: ClusterView): boolean {
        return this.consumer.podsUpdated(this.counted(view));
    }

    stop(view: ClusterView): void {
        this.frozenCache ??= this.cache(view);
    }

    event(podKey: string): QueuedEvent {
        return { id: `Pod#${this.id} ${podKey}`, kind: "Pod", key: podKey, watcher: this };
    }
}

function byRevision(a: KubeObject, b: KubeObject): number {
    const difference = revisionOf(a) - revisionOf(b);
    return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

export class PodWatchers {
    private readonly running = new Set<PodWatcher>();
    private lastId = 0;

    /** Starts a watcher; its first list comes as one event per pod of its selector. */
    start(
        consumer: PodConsumer,
        namespace: string,
        selector: string,
        view: ClusterView,
        time: number,
    ): { watcher: PodWatcher; firstList: QueuedEvent[] } {
        const watcher = new PodWatcher(++this.lastId, namespace, selector, consumer, time);
        this.running.add(watcher);
        const pods = [...watcher.cache(view)].sort(byRevision);
        watcher.known = new Set(pods.map(keyOf));
        return { watcher, firstList: pods.map((pod) => watcher.event(keyOf(pod))) };
    }

    stop(watcher: PodWatcher, view: ClusterView): void {
        watcher.stop(view);
        this.running.delete(watcher);
    }

    /** The events a poll's changes make on the running watchers, and their resyncs when due. */
    arrivals(changes: Change[], view: ClusterView, time: number): Arrival[] {
        const podChanges = changes.filter((change) => change.kind === "Pod");
        const arrivals: Arrival[] = [];
        for (const watcher of this.running) {
            for (const change of podChanges) {
                const watchedNow = change.object !== undefined && watcher.watches(change.object);
                if (watchedNow || watcher.known.has(change.key)) {
                    arrivals.push({ position: change.position, event: watcher.event(change.key) });
                }
            }
            const cache = watcher.cache(view);
            if (time - watcher.lastResync >= POD_RESYNC_MS) {
                watcher.lastResync = time;
                for (const pod of cache) arrivals.push({ position: revisionOf(pod), event: watcher.event(keyOf(pod)) });
            }
            watcher.known = new Set(cache.map(keyOf));
        }
        return arrivals;
    }
}
