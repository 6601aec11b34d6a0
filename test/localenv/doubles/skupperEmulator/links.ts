// A site namespace's Links (one is made of each redeemed AccessToken, redeemer.ts). Skupper
// 2.2.1's controller configures a Link into its site's router and then writes Configured
// True, with Ready waiting for Operational, which only the network status sets (a link's
// record there; not emulated: no router links here), so a configured Link reads Pending
// "Not Operational". A quirk of 2.2.1: a Link it has not seen before is only remembered;
// it is configured at its next event, normally the informers' resync (30 s). Later events
// configure it when it changed or is not configured yet. In a namespace whose Site is not
// initialised, every event of a Link tells it "No active site in namespace".
import { conditionOf, setConfigured } from "./conditions";
import { Controller } from "./controller";
import { NO_ACTIVE_SITE } from "./listeners";
import { canonical, KubeObject } from "./objects";

/** The conditions a Link's Ready waits for. */
export const LINK_REQUIRES = ["Configured", "Operational"];

export class Links {
    /** Each Link as last handled or written, by name. */
    private readonly known = new Map<string, KubeObject>();

    constructor(private readonly controller: Controller) {}

    /** A Link was added, changed or deleted (no link). False when its status write failed. */
    check(name: string, link: KubeObject | undefined, siteInitialised: boolean): boolean {
        if (!link) {
            this.known.delete(name);
            return true;
        }
        const existing = this.known.get(name);
        this.known.set(name, link);
        if (!siteInitialised) return this.configure(name, link, NO_ACTIVE_SITE);
        const changed = existing !== undefined && canonical(existing) !== canonical(link);
        const unconfigured = existing !== undefined && conditionOf(link, "Configured")?.status !== "True";
        return changed || unconfigured ? this.configure(name, link, undefined) : true;
    }

    private configure(name: string, link: KubeObject, error: string | undefined): boolean {
        if (!setConfigured(link, error, LINK_REQUIRES, this.controller.cluster.now)) return true;
        const updated = this.controller.cluster.updateStatus("Link", link);
        if (updated) this.known.set(name, updated);
        return updated !== undefined;
    }
}
