// What the controller's parts (a site namespace's attached connectors, its listeners,
// its Site) need from the whole while they handle an event.
import { ClusterView } from "./clusterView";
import { PodConsumer, PodWatcher } from "./podWatcher";

export interface Controller {
    /** The cluster as this poll shows it, with the status writes made so far. */
    readonly cluster: ClusterView;
    /** Starts a pod watcher; the pods it lists first come as events behind those already queued. */
    watchPods(consumer: PodConsumer, namespace: string, selector: string): PodWatcher;
    stopWatching(watcher: PodWatcher): void;
}
