import * as pulumi from "@pulumi/pulumi";

/**
 * Invalid arguments of an AttachedConnectorPair. A RunError, so Pulumi prints the
 * message alone, without a stack trace.
 */
export class PairArgumentsError extends pulumi.RunError {
    constructor(
        public readonly resourceName: string,
        public readonly problems: string[],
    ) {
        super(
            `AttachedConnectorPair '${resourceName}' has invalid arguments:\n${problems.map((p) => `  - ${p}`).join("\n")}`,
        );
        this.name = "PairArgumentsError";
    }
}
