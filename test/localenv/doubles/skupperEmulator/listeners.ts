// A site namespace's Listeners. With no Site handled in the namespace, a Listener is told
// so (Configured False). Otherwise the first Listener of each host and port leads it, and
// a later one asking for the same host and port is refused. A Listener the site accepts is
// kept, and its status is written when it is new or its spec changed: Configured True,
// with Ready waiting for Matched, which only the network sets (hasMatchingConnector: a
// connector with the listener's routing key somewhere in the network).
//
// The copy kept of an accepted Listener is the one handled, and is not replaced by the
// answer to its Configured write: until the Listener's next event (that write's echo)
// it is out of date, and a Matched write from it is refused.
import { LISTENER_REQUIRES, pendingState, READY, setCondition, setConfigured, setReady } from "./conditions";
import { Controller } from "./controller";
import { KubeObject, sameSpec, text } from "./objects";

export const NO_ACTIVE_SITE = "No active site in namespace";
export const NO_MATCHING_CONNECTORS = "No matching connectors";

function hostAndPort(listener: KubeObject): string {
    return `${text(listener.spec?.host)}/${Number(listener.spec?.port ?? 0)}`;
}

export function hostPortTaken(leader: string, listener: KubeObject): string {
    const host = text(listener.spec?.host);
    const port = Number(listener.spec?.port ?? 0);
    return `Listener ${leader} with host ${host} and port ${port} already exists in namespace`;
}

export class Listeners {
    /** The Listeners the site accepted, by name. */
    private readonly accepted = new Map<string, KubeObject>();
    /** The Listener leading each host and port: name -> "host/port". */
    private readonly leaders = new Map<string, string>();

    constructor(private readonly controller: Controller) {}

    /** The Listeners the site accepted, whose hosts it exposes as Services (listenerServices.ts). */
    acceptedListeners(): KubeObject[] {
        return [...this.accepted.values()];
    }

    /** On a restart, before any event: every Listener not in Error leads its host and port. */
    recoverLeader(listener: KubeObject): void {
        if (listener.status?.status !== "Error") this.leaders.set(listener.metadata.name, hostAndPort(listener));
    }

    /** A Listener was added, changed or deleted (no listener). siteKnown: a Site was handled in the namespace. */
    check(name: string, listener: KubeObject | undefined, siteKnown: boolean): boolean {
        if (!siteKnown) return listener ? this.configure(listener, NO_ACTIVE_SITE) : true;
        let accepted = listener;
        if (!listener) {
            this.leaders.delete(name);
        } else {
            const wanted = hostAndPort(listener);
            const current = this.leaders.get(name);
            if (current === undefined) {
                const leader = [...this.leaders].find(([, hostPort]) => hostPort === wanted);
                if (leader) return this.configure(listener, hostPortTaken(leader[0], listener));
                this.leaders.set(name, wanted);
            } else if (current !== wanted) {
                const taken = [...this.leaders].some(([other, hostPort]) => other !== name && hostPort === wanted);
                if (taken) {
                    // It moved onto another leader's host and port: dropped, with no status
                    // written, until an event finds it again.
                    this.leaders.delete(name);
                    accepted = undefined;
                } else {
                    this.leaders.set(name, wanted);
                }
            }
        }
        if (!this.keep(name, accepted)) return true;
        return accepted ? this.configure(accepted, undefined) : true;
    }

    /** Configured (again) on every accepted Listener: when the Site is initialised or deleted. */
    configureAll(): void {
        for (const [name, listener] of this.accepted) {
            if (!setConfigured(listener, undefined, LISTENER_REQUIRES, this.controller.cluster.now)) continue;
            const updated = this.controller.cluster.updateStatus("Listener", listener);
            if (updated) this.accepted.set(name, updated);
        }
    }

    /** hasMatchingConnector and Matched from the network's connector counts. False when a write failed. */
    matchConnectors(connectorCounts: Map<string, number>): boolean {
        let ok = true;
        for (const [name, listener] of this.accepted) {
            const routingKey = text(listener.spec?.routingKey);
            if (!this.setHasMatchingConnector(listener, (connectorCounts.get(routingKey) ?? 0) > 0)) continue;
            const updated = this.controller.cluster.updateStatus("Listener", listener);
            if (updated) this.accepted.set(name, updated);
            else ok = false;
        }
        return ok;
    }

    /** Keeps (or forgets) the accepted copy; true when the site's configuration changes with it. */
    private keep(name: string, listener: KubeObject | undefined): boolean {
        const existing = this.accepted.get(name);
        if (!listener) return this.accepted.delete(name);
        this.accepted.set(name, listener);
        return !existing || !sameSpec(existing.spec, listener.spec);
    }

    private configure(listener: KubeObject, error: string | undefined): boolean {
        if (!setConfigured(listener, error, LISTENER_REQUIRES, this.controller.cluster.now)) return true;
        return this.controller.cluster.updateStatus("Listener", listener) !== undefined;
    }

    /** Matched is set each time, even when hasMatchingConnector stays as it was. */
    private setHasMatchingConnector(listener: KubeObject, has: boolean): boolean {
        let changed = false;
        listener.status ??= {};
        if (Boolean(listener.status.hasMatchingConnector) !== has) {
            if (has) listener.status.hasMatchingConnector = true;
            else delete listener.status.hasMatchingConnector; // false is omitted
            changed = true;
        }
        const now = this.controller.cluster.now;
        if (setCondition(listener, "Matched", has ? READY : pendingState(NO_MATCHING_CONNECTORS), now)) {
            setReady(listener, LISTENER_REQUIRES, now);
            changed = true;
        }
        return changed;
    }
}
