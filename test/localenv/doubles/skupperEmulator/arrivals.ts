// One poll's events, in the order the controller's queue would get them. A poll sees what
// changed since the last one all at once; the controller saw each change as it happened,
// in the order of etcd's revisions, which resourceVersion carries for every kind. An
// object missing from a list was deleted before that list was read: its deletion is placed
// at the list's own revision. An informer's resync re-sends every object it holds.
import {
    ClusterSnapshot,
    fingerprint,
    idOf,
    keyOf,
    KubeObject,
    revision,
    revisionOf,
    snapshotObjects,
    WatchedKind,
} from "./objects";
import { Listed } from "./clusterView";
import { QueuedEvent } from "./eventQueue";

/** After every revision a poll can name: where a deletion goes when its list's revision is not known. */
const UNKNOWN_REVISION = 2n ** 64n;

export interface Arrival {
    /** The etcd revision the event happened at (at the latest). */
    position: bigint;
    event: QueuedEvent;
}

/** What the last poll saw of one object. */
export interface Seen {
    kind: WatchedKind;
    key: string;
    fingerprint: string;
}

/** A change to one object since the last poll; no object when it is gone. */
export interface Change {
    id: string;
    kind: WatchedKind;
    key: string;
    object?: KubeObject;
    position: bigint;
}

export function listSnapshot(snapshot: ClusterSnapshot): Map<string, Listed> {
    const listed = new Map<string, Listed>();
    for (const [kind, object] of snapshotObjects(snapshot)) listed.set(idOf(kind, keyOf(object)), { kind, object });
    return listed;
}

export function seenIn(listed: Map<string, Listed>): Map<string, Seen> {
    const seen = new Map<string, Seen>();
    for (const [id, { kind, object }] of listed) {
        seen.set(id, { kind, key: keyOf(object), fingerprint: fingerprint(object) });
    }
    return seen;
}

/** Objects that appeared or changed since the last poll, and those gone from their lists. */
export function changesSince(
    seen: Map<string, Seen>,
    listed: Map<string, Listed>,
    snapshot: ClusterSnapshot,
): Change[] {
    const changes: Change[] = [];
    for (const [id, { kind, object }] of listed) {
        if (seen.get(id)?.fingerprint === fingerprint(object)) continue;
        changes.push({ id, kind, key: keyOf(object), object, position: revisionOf(object) });
    }
    for (const [id, { kind, key }] of seen) {
        if (listed.has(id)) continue;
        changes.push({ id, kind, key, position: deletionPosition(snapshot, kind) });
    }
    return changes;
}

function deletionPosition(snapshot: ClusterSnapshot, kind: WatchedKind): bigint {
    const listRevision = snapshot.revisions?.[kind];
    return listRevision ? revision(listRevision) : UNKNOWN_REVISION;
}

/** The events sorted by revision; events at the same revision keep the order given. */
export function inArrivalOrder(arrivals: Arrival[]): QueuedEvent[] {
    const ordered = arrivals.map((arrival, index) => ({ arrival, index }));
    ordered.sort((a, b) => {
        if (a.arrival.position !== b.arrival.position) return a.arrival.position < b.arrival.position ? -1 : 1;
        return a.index - b.index;
    });
    return ordered.map(({ arrival }) => arrival.event);
}
