// AccessGrants, as Skupper 2.2.1's controller handles them with its grant server enabled
// (the emulator's server is grantServer.ts), in every namespace, with a Site or without.
// A grant that allows no redemptions (unset or 0) is updated to allow 1, and handled again
// at that change. Otherwise its status gets the server's URL for it (https://<base
// URL>/<uid>), the server's CA, a code (the spec's, or 24 random letters and digits) and
// an expiration time (now plus expirationWindow, 10 minutes when unset; a window that is
// no Go duration makes Processed an Error), with Processed, Resolved (url and ca set) and
// Ready. A code and an expiration time, once written, stay; an expired grant is not
// written again (the server refuses its tokens). The server finds a grant by its uid, as
// the controller keeps them. Without a grant server, each grant is told "AccessGrants are
// not enabled".
import { randomInt } from "node:crypto";
import { errorOrReady, pendingState, READY, setCondition, setReady } from "./conditions";
import { Controller } from "./controller";
import { KubeObject, text } from "./objects";

export interface GrantServerConfig {
    /** host:port, as the URLs name the server. */
    baseUrl: string;
    /** The server's CA certificate (PEM). */
    ca: string;
}

const GRANT_REQUIRES = ["Processed", "Resolved"];
const DEFAULT_EXPIRATION_MS = 10 * 60 * 1000;
const ALPHANUMERICS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

export function randomCode(length = 24): string {
    return Array.from({ length }, () => ALPHANUMERICS[randomInt(ALPHANUMERICS.length)]).join("");
}

const GO_UNITS: Record<string, number> = {
    ns: 1e-6,
    us: 1e-3,
    "\u00b5s": 1e-3,
    "\u03bcs": 1e-3,
    ms: 1,
    s: 1000,
    m: 60000,
    h: 3600000,
};

/** A Go duration (time.ParseDuration) in milliseconds; throws Go's message for one that is not. */
export function parseGoDuration(duration: string): number {
    const quoted = JSON.stringify(duration);
    const invalid = () => new Error(`time: invalid duration ${quoted}`);
    let rest = duration.replace(/^[-+]/, "");
    const sign = duration.startsWith("-") ? -1 : 1;
    if (rest === "0") return 0;
    if (rest === "") throw invalid();
    let total = 0;
    while (rest) {
        const number = /^(\d+\.?\d*|\.\d+)/.exec(rest)?.[0];
        if (!number) throw invalid();
        rest = rest.slice(number.length);
        const unit = /^[^\d.]*/.exec(rest)![0];
        if (!unit) throw new Error(`time: missing unit in duration ${quoted}`);
        if (!(unit in GO_UNITS)) throw new Error(`time: unknown unit ${JSON.stringify(unit)} in duration ${quoted}`);
        total += Number(number) * GO_UNITS[unit];
        rest = rest.slice(unit.length);
    }
    return sign * total;
}

/** RFC 3339 in UTC, to the second, as Go's time.Format(time.RFC3339) writes it here. */
export function rfc3339(time: number): string {
    return new Date(time).toISOString().replace(/\.\d+Z$/, "Z");
}

export class Grants {
    /** The grants by uid (namespace/name), for the grant server. */
    private readonly byUid = new Map<string, string>();

    constructor(
        private readonly controller: Controller,
        private readonly server?: GrantServerConfig,
    ) {}

    /** The key (namespace/name) of the grant a claim's uid names. */
    claim(uid: string): string | undefined {
        return this.byUid.get(uid);
    }

    /** An AccessGrant was added, changed or deleted (no grant). False when its status write failed. */
    check(key: string, grant: KubeObject | undefined): boolean {
        if (!grant) {
            for (const [uid, held] of this.byUid) if (held === key) this.byUid.delete(uid);
            return true;
        }
        if (!this.server) return this.notEnabled(grant);
        if (!grant.spec?.redemptionsAllowed) {
            this.controller.requests.grantUpdates.push(grant);
            return true;
        }
        for (const [uid, held] of this.byUid) if (held === key && uid !== grant.metadata.uid) this.byUid.delete(uid);
        if (grant.metadata.uid) this.byUid.set(grant.metadata.uid, key);
        const status = (grant.status ??= {});
        let changed = false;
        const url = `https://${this.server.baseUrl}/${grant.metadata.uid}`;
        if (status.url !== url || status.ca !== this.server.ca) {
            status.url = url;
            status.ca = this.server.ca;
            changed = true;
        }
        status.code ||= text(grant.spec.code) || randomCode();
        const now = this.controller.cluster.now;
        let error: string | undefined;
        if (!status.expirationTime) {
            const window = text(grant.spec.expirationWindow);
            try {
                const milliseconds = window ? parseGoDuration(window) : DEFAULT_EXPIRATION_MS;
                status.expirationTime = rfc3339(Date.parse(now) + milliseconds);
                changed = true;
            } catch (e) {
                error = `Invalid duration ${JSON.stringify(window)}: ${(e as Error).message}`;
            }
        }
        if (setCondition(grant, "Processed", errorOrReady(error), now)) changed = true;
        const resolved = status.url && status.ca ? READY : pendingState("Pending");
        if (setCondition(grant, "Resolved", resolved, now)) changed = true;
        if (!changed) return true;
        setReady(grant, GRANT_REQUIRES, now);
        return this.controller.cluster.updateStatus("AccessGrant", grant) !== undefined;
    }

    private notEnabled(grant: KubeObject): boolean {
        const message = "AccessGrants are not enabled";
        if (grant.status?.message === message) return true;
        grant.status = { ...grant.status, message };
        this.controller.cluster.updateStatus("AccessGrant", grant); // a failure is only logged
        return true;
    }
}
