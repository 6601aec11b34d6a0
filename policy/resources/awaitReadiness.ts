import { defaultWaitFor, SKIP_AWAIT, WAIT_FOR } from "@skupper-pulumi/attached-connector/constants";
import { describe, SkupperObject } from "../lib/objects";
import { attachedPolicy } from "../lib/policy";

// An object that asks to skip the await has chosen so deliberately; leave it alone.
const lacksAwait = (object: SkupperObject) =>
    object.annotations[WAIT_FOR] === undefined && object.annotations[SKIP_AWAIT] !== "true";

export const awaitReadiness = attachedPolicy({
    name: "skupper-await-readiness",
    description: `Without a ${WAIT_FOR} annotation, Pulumi counts a custom resource as ready at once. Adds condition=Ready to AttachedConnectors and condition=Configured to bindings that have none (and do not set ${SKIP_AWAIT}).`,
    enforcementLevel: "remediate",
    kinds: ["AttachedConnector", "AttachedConnectorBinding"],
    check: (object, _config, report) => {
        if (lacksAwait(object)) {
            report(
                `${describe(object)}: has no ${WAIT_FOR} annotation, so Pulumi will not wait for Skupper; add ${WAIT_FOR}: ${defaultWaitFor[object.kind]}.`,
            );
        }
    },
    remediate: (object, props) => {
        if (!lacksAwait(object)) return undefined;
        const metadata = props.metadata ?? {};
        return {
            ...props,
            metadata: {
                ...metadata,
                annotations: { ...metadata.annotations, [WAIT_FOR]: defaultWaitFor[object.kind] },
            },
        };
    },
});
