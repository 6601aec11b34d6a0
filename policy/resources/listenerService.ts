// skupper-listener-service: Skupper creates a Service named after a Listener's spec.host,
// with a port named after the Listener. When the API server refuses either name, Skupper
// only logs it and still reports the Listener Configured, so nothing else would say so.
import { checkListenerName, checkServiceName } from "@skupper-pulumi/attached-connector/validation";
import { describe } from "../lib/objects";
import { attachedPolicy } from "../lib/policy";

export const listenerService = attachedPolicy({
    name: "skupper-listener-service",
    description:
        "A Listener's spec.host must be an RFC 1035 label and its name a DNS-1123 label: Skupper names the Service it creates after the host and the Service's port after the Listener, and when Kubernetes refuses either name Skupper still reports the Listener Configured, with no Service.",
    enforcementLevel: "mandatory",
    kinds: ["Listener"],
    check: (object, _config, report) => {
        const host = object.spec.host;
        const hostProblem = typeof host === "string" ? checkServiceName(host) : "is missing";
        if (hostProblem) report(`${describe(object)}: spec.host ${hostProblem}.`);
        const nameProblem = object.name === undefined ? undefined : checkListenerName(object.name, false);
        if (nameProblem) report(`${describe(object)}: metadata.name ${nameProblem}.`);
    },
});
