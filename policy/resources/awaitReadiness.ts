import { SKIP_AWAIT, WAIT_FOR } from "@skupper-pulumi/attached-connector/constants";
import { WAIT_CONFIGURED } from "@skupper-pulumi/attached-connector/halves";
import { describe, SkupperObject } from "../lib/objects";
import { attachedPolicy } from "../lib/policy";

// An object that asks to skip the await has chosen so deliberately; leave it alone.
const lacksAwait = (object: SkupperObject) =>
    object.annotations[WAIT_FOR] === undefined && object.annotations[SKIP_AWAIT] !== "true";

export const awaitReadiness = attachedPolicy({
    name: "skupper-await-readiness",
    description: `Without a ${WAIT_FOR} annotation, Pulumi counts a custom resource as ready at once. Adds ${WAIT_FOR}: ${WAIT_CONFIGURED} to AttachedConnectorBindings that have none (and do not set ${SKIP_AWAIT}). It leaves AttachedConnectors unawaited: Skupper writes the binding's Configured together with its connector's Ready, and a connector that waits too can hold an engine step its binding needs (see skupper-await-order).`,
    enforcementLevel: "remediate",
    kinds: ["AttachedConnectorBinding"],
    check: (object, _config, report) => {
        if (lacksAwait(object)) {
            report(
                `${describe(object)}: has no ${WAIT_FOR} annotation, so Pulumi will not wait for Skupper; add ${WAIT_FOR}: ${WAIT_CONFIGURED}.`,
            );
        }
    },
    remediate: (object, props) => {
        if (!lacksAwait(object)) return undefined;
        const metadata = props.metadata ?? {};
        return {
            ...props,
            metadata: { ...metadata, annotations: { ...metadata.annotations, [WAIT_FOR]: WAIT_CONFIGURED } },
        };
    },
});
