// A watch on the AttachedConnectors or bindings of one namespace that records, for each
// object, when this process first saw it, first saw its wait condition hold (Skupper's
// or the emulator's status write), first saw it marked for deletion, and saw it gone.
// The readiness latency and the slow-path breakdowns are read from these times.
import * as https from "node:https";
import { KubeAccess, requestOptions } from "../../provider/diagnosis/kubeAccess";
import { SKUPPER_API_VERSION, skupperKinds } from "../../provider/constants";
import { HalfKind, waitFor } from "../../provider/halves";

export { HalfKind };

interface Watched {
    metadata: { name: string; generation?: number; deletionTimestamp?: string; finalizers?: string[] };
    status?: { conditions?: { type: string; status: string; observedGeneration?: number }[] };
}

/** Times in ms since the epoch, as this process saw them. */
export interface Sighting {
    added?: number;
    ready?: number;
    deleting?: number;
    deleted?: number;
    /** The finalizers on the object when it was first seen marked for deletion. */
    finalizers?: string[];
}

export class HalfWatch {
    readonly seen = new Map<string, Sighting>();
    private request?: ReturnType<typeof https.request>;
    private readonly condition: string;

    constructor(
        private readonly access: KubeAccess,
        readonly kind: HalfKind,
        readonly namespace: string,
    ) {
        this.condition = waitFor(kind, {}).replace(/^condition=/, "");
    }

    /** Starts watching; resolves once the API server has answered. */
    start(): Promise<void> {
        const path = `/apis/${SKUPPER_API_VERSION}/namespaces/${this.namespace}/${skupperKinds[this.kind].plural}?watch=true`;
        return new Promise((resolve, reject) => {
            this.request = https.request(new URL(path, this.access.server), requestOptions(this.access), (res) => {
                if (res.statusCode !== 200) return reject(new Error(`watch ${path}: ${res.statusCode}`));
                resolve();
                let buffer = "";
                res.setEncoding("utf8").on("data", (chunk: string) => {
                    buffer += chunk;
                    for (let end = buffer.indexOf("\n"); end >= 0; end = buffer.indexOf("\n")) {
                        const line = buffer.slice(0, end);
                        buffer = buffer.slice(end + 1);
                        if (line.trim()) this.observe(JSON.parse(line) as { type: string; object: Watched });
                    }
                });
            });
            this.request.on("error", (e) => (this.request ? undefined : reject(e)));
            this.request.end();
        });
    }

    stop(): void {
        const request = this.request;
        this.request = undefined;
        request?.destroy();
    }

    /** Forgets what was seen (the next operation's sightings start afresh). */
    reset(): void {
        this.seen.clear();
    }

    private observe(event: { type: string; object: Watched }): void {
        const now = Date.now();
        const { name, generation, deletionTimestamp, finalizers } = event.object.metadata ?? {};
        if (!name) return;
        const s = this.seen.get(name) ?? {};
        this.seen.set(name, s);
        if (event.type === "DELETED") {
            s.deleted ??= now;
            return;
        }
        s.added ??= now;
        if (deletionTimestamp && s.deleting === undefined) {
            s.deleting = now;
            s.finalizers = finalizers ?? [];
        }
        const c = event.object.status?.conditions?.find((x) => x.type === this.condition);
        const current = !generation || !c?.observedGeneration || c.observedGeneration >= generation;
        if (c?.status === "True" && current) s.ready ??= now;
    }
}

/** The latest time of one field over the objects the watches saw alive; undefined when one of them lacks it. */
export function latest(watches: HalfWatch[], field: keyof Sighting): number | undefined {
    let last = 0;
    for (const w of watches) {
        for (const s of w.seen.values()) {
            if (s.added === undefined) continue;
            const t = s[field];
            if (typeof t !== "number") return undefined;
            last = Math.max(last, t);
        }
    }
    return last || undefined;
}
