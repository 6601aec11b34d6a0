import { StackValidationPolicy } from "@pulumi/policy";
import { describe } from "../lib/objects";
import { reportShared, stackObjects } from "../lib/stackObjects";

export const nameCollision: StackValidationPolicy = {
    name: "skupper-name-collision",
    description:
        "Two AttachedConnectors of the same name may not aim at the same site namespace: only one binding of that name can exist there.",
    enforcementLevel: "mandatory",
    validateStack: (args, report) => {
        reportShared(
            stackObjects(args).connectors,
            (c) => (c.name === undefined ? undefined : `${c.spec.siteNamespace}/${c.name}`),
            (other, first) =>
                `${describe(other)} and ${describe(first)} both attach to site namespace '${first.spec.siteNamespace}' under the name '${first.name}'.`,
            report,
        );
    },
};
