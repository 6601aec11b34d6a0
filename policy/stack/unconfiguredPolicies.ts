// skupper-unconfigured-policies: says once per run, as advisory, which configurable
// policies had no configuration and so checked nothing. In @pulumi/policy's public API a
// violation takes its policy's enforcement level, so the mandatory policies cannot say
// this themselves. It must stay the pack's last policy (see policies.ts).
import { StackValidationPolicy } from "@pulumi/policy";
import { takeUnconfigured } from "../lib/unconfigured";

export const unconfiguredPolicies: StackValidationPolicy = {
    name: "skupper-unconfigured-policies",
    description:
        "Says once per run when skupper-namespace-grants or skupper-routing-key-ownership had attached connectors or Listeners to check but no configuration, and so checked nothing.",
    enforcementLevel: "advisory",
    validateStack: (_args, report) => {
        for (const notice of takeUnconfigured()) report(notice);
    },
};
