// skupper-link-cost: the routing cost of a link, set on the AccessToken that Skupper
// redeems for it (linkCost) or on a Link itself (cost), within the network's range.
import { checkIntegerRange } from "../lib/links";
import { describe } from "../lib/objects";
import { attachedPolicy } from "../lib/policy";

export interface LinkCostConfig {
    minCost?: number;
    maxCost?: number;
}

/** The router takes a cost as a 32-bit integer. */
const MAX_ROUTER_COST = 2147483647;

export const linkCost = attachedPolicy<LinkCostConfig, "AccessToken" | "Link">({
    name: "skupper-link-cost",
    description:
        "An AccessToken's spec.linkCost and a Link's spec.cost, when set, must be integers from minCost to maxCost (default 1 to 100). Left out, a link costs 1; Skupper's router treats a cost below 1 as 1, so 0 and negative costs silently mean the default. Routing adds the costs along a path, so a link of cost 100 already loses to any path of fewer than 100 default links; a larger cost is more likely a slip than a plan. Advisory, since any cost still routes: make it mandatory to hold a network to its cost scheme.",
    enforcementLevel: "advisory",
    configSchema: {
        properties: {
            minCost: {
                type: "integer",
                minimum: 1,
                maximum: MAX_ROUTER_COST,
                default: 1,
                description: "The lowest link cost allowed.",
            },
            maxCost: {
                type: "integer",
                minimum: 1,
                maximum: MAX_ROUTER_COST,
                default: 100,
                description: "The highest link cost allowed.",
            },
        },
    },
    kinds: ["AccessToken", "Link"],
    check: (object, config, report) => {
        const field = object.kind === "AccessToken" ? "linkCost" : "cost";
        const cost = object.spec[field];
        if (cost === undefined) return;
        const problem = checkIntegerRange(cost, config.minCost ?? 1, config.maxCost ?? 100);
        if (problem) {
            report(
                `${describe(object)}: spec.${field} ${problem} (minCost to maxCost), or none: the link then costs 1.`,
            );
        }
    },
});
