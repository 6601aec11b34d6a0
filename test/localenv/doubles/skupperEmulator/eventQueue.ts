// The controller's one work queue: every informer (Skupper's kinds, ConfigMaps and each
// pod watcher) adds the key of an object that changed, and one worker takes them in
// order. A key already waiting is not added twice; a key added while it is being handled
// waits behind the others. The handler reads the object as the cache holds it then.
// A handler that fails is retried up to five times.
import type { PodWatcher } from "./podWatcher";
import { idOf, WatchedKind } from "./objects";

export interface QueuedEvent {
    /** What the queue tells events apart by: the kind and key, and for a pod its watcher. */
    id: string;
    kind: WatchedKind;
    key: string;
    /** For a pod: the pod watcher whose informer saw it. */
    watcher?: PodWatcher;
}

export function objectEvent(kind: Exclude<WatchedKind, "Pod">, key: string): QueuedEvent {
    return { id: idOf(kind, key), kind, key };
}

const MAX_RETRIES = 5;

export class EventQueue {
    private readonly waiting: QueuedEvent[] = [];
    private readonly waitingIds = new Set<string>();
    private readonly retries = new Map<string, number>();

    add(event: QueuedEvent): void {
        if (this.waitingIds.has(event.id)) return;
        this.waitingIds.add(event.id);
        this.waiting.push(event);
    }

    next(): QueuedEvent | undefined {
        const event = this.waiting.shift();
        if (event) this.waitingIds.delete(event.id);
        return event;
    }

    /** After a failure: again later, unless it failed five times in a row. */
    retry(event: QueuedEvent): void {
        const count = this.retries.get(event.id) ?? 0;
        if (count >= MAX_RETRIES) {
            this.retries.delete(event.id);
            return;
        }
        this.retries.set(event.id, count + 1);
        this.add(event);
    }

    /** After a success: the next failure starts counting afresh. */
    done(event: QueuedEvent): void {
        this.retries.delete(event.id);
    }

    get length(): number {
        return this.waiting.length;
    }
}
