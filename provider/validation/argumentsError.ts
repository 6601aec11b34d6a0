import * as pulumi from "@pulumi/pulumi";

/**
 * Invalid arguments of a component, every problem on a line of its own. A RunError, so
 * Pulumi prints the message alone, without a stack trace.
 */
export class ArgumentsError extends pulumi.RunError {
    constructor(
        public readonly component: string,
        public readonly resourceName: string,
        public readonly problems: string[],
    ) {
        super(`${component} '${resourceName}' has invalid arguments:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
        this.name = "ArgumentsError";
    }
}
