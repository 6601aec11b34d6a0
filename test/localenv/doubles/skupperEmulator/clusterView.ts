// The cluster as the controller sees it while it works through one poll's events: the
// objects as listed (its informers' caches) and the API server its status writes go to.
// A write changes the object at once and comes back as an event, unless it changed
// nothing. It is refused, as a 409 Conflict or a 404 would refuse it, when the copy the
// controller wrote from is older than the object or the object is gone.
import { canonical, clone, EmulatedKind, idOf, keyOf, KubeObject, StatusWrite, WatchedKind } from "./objects";

/**
 * Which state of each object a copy was taken from. An object's version moves when a
 * poll finds it changed or gone and when a status write changes it; a copy is current
 * while its object's version has not moved since it was taken.
 */
export class Versions {
    private readonly current = new Map<string, number>();
    private readonly taken = new WeakMap<object, number>();

    bump(id: string): void {
        this.current.set(id, (this.current.get(id) ?? 0) + 1);
    }

    /** Marks a copy as taken from the object's current state. */
    stamp<T extends object>(copy: T, id: string): T {
        this.taken.set(copy, this.current.get(id) ?? 0);
        return copy;
    }

    isCurrent(copy: object, id: string): boolean {
        const version = this.taken.get(copy);
        return version === undefined || version === (this.current.get(id) ?? 0);
    }
}

export interface Listed {
    kind: WatchedKind;
    object: KubeObject;
}

export class ClusterView {
    private readonly live = new Map<string, Listed>();
    private readonly written: string[] = [];

    constructor(
        readonly now: string,
        private readonly listed: Map<string, Listed>,
        private readonly versions: Versions,
        private readonly onWrite: (kind: EmulatedKind, object: KubeObject) => void,
    ) {
        for (const [id, { kind, object }] of listed) this.live.set(id, { kind, object: clone(object) });
    }

    /** The object as the cache holds it now, as a copy of the controller's own; undefined when gone. */
    read(kind: WatchedKind, key: string): KubeObject | undefined {
        const id = idOf(kind, key);
        const entry = this.live.get(id);
        return entry && this.versions.stamp(clone(entry.object), id);
    }

    /** Every object of a kind as the cache holds it now (for reading only). */
    objects(kind: WatchedKind): KubeObject[] {
        return [...this.live.values()].filter((entry) => entry.kind === kind).map((entry) => entry.object);
    }

    /** PUT .../status: the object as stored afterwards, or undefined when the write is refused. */
    updateStatus(kind: EmulatedKind, copy: KubeObject): KubeObject | undefined {
        const id = idOf(kind, keyOf(copy));
        const stored = this.live.get(id);
        if (!stored || !this.versions.isCurrent(copy, id)) return undefined;
        if (canonical(stored.object.status) !== canonical(copy.status)) {
            stored.object.status = clone(copy.status);
            this.versions.bump(id);
            if (!this.written.includes(id)) this.written.push(id);
            this.onWrite(kind, stored.object);
        }
        return this.versions.stamp(clone(stored.object), id);
    }

    /** The statuses to PUT: each written object whose status now differs from the listed one. */
    writes(): StatusWrite[] {
        const writes: StatusWrite[] = [];
        for (const id of this.written) {
            const { kind, object: listed } = this.listed.get(id)!;
            const status = this.live.get(id)!.object.status;
            if (canonical(status) === canonical(listed.status)) continue;
            writes.push({ kind: kind as EmulatedKind, object: { ...clone(listed), status: clone(status) } });
        }
        return writes;
    }
}
