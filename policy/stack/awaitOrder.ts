// skupper-await-order: within one stack, a pair's waits must not be able to hold each
// other up. Skupper configures either half only once both exist, so a half that waits
// for Skupper must come after its partner (dependsOn), and only one half may wait: two
// waiting halves, or a waiting half the engine happens to start first, can hold every
// parallel step (`pulumi up --parallel`) while the partner never starts.
import { StackValidationPolicy } from "@pulumi/policy";
import { SKIP_AWAIT, WAIT_FOR } from "@skupper-pulumi/attached-connector/constants";
import { halves } from "@skupper-pulumi/attached-connector/halves";
import { describe, SkupperObject } from "../lib/objects";
import { stackPairs } from "../lib/stackObjects";

const waits = (o: SkupperObject) => o.annotations[WAIT_FOR] !== undefined && o.annotations[SKIP_AWAIT] !== "true";

export const awaitOrder: StackValidationPolicy = {
    name: "skupper-await-order",
    description: `For a pair whose two halves are in one stack: at most one half waits for Skupper (${WAIT_FOR}), and that half depends on the other (dependsOn), so that no wait holds an engine step for a partner that has not started. The component does this (the binding waits, after its connector); raw resources need it written.`,
    enforcementLevel: "mandatory",
    validateStack: (args, report) => {
        for (const { connector, binding } of stackPairs(args)) {
            if (waits(connector) && waits(binding)) {
                report(
                    `${describe(connector)} and ${describe(binding)} both wait for Skupper, which configures each only once the other exists: with too few parallel steps neither starts. Remove the AttachedConnector's ${WAIT_FOR} (the binding's condition=Configured is written with the connector's Ready) and give the binding dependsOn: [its connector].`,
                    connector.urn,
                );
                continue;
            }
            for (const [waiting, partner] of [
                [binding, connector],
                [connector, binding],
            ]) {
                if (waits(waiting) && !waiting.dependencies.includes(partner.urn)) {
                    report(
                        `${describe(waiting)} waits for Skupper but does not depend on its ${halves[waiting.kind].partner}, ${describe(partner)}: if the engine starts it first, its wait can hold the step its partner needs. Give it dependsOn: [its ${halves[waiting.kind].partner}].`,
                        waiting.urn,
                    );
                }
            }
        }
    },
};
