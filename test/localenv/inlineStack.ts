// Stacks of inline programs for the processes that run many of them one after another
// (the e2e tier, the real benchmark, the demo). Every stack of those goes through here so
// that the workaround below is applied before any program runs.
import { InlineProgramArgs, LocalWorkspace, LocalWorkspaceOptions, Stack } from "@pulumi/pulumi/automation";

/**
 * Why: @pulumi/pulumi never closes the gRPC clients an inline program opens to the engine,
 * and @grpc/grpc-js shares connections per address in one process-wide pool. After a run
 * whose engine went away while the program still called it (a killed or failed `up`), the
 * leaked client keeps a connection to that port in backoff; a later engine that happens to
 * listen on the same port then gets the dead connection, and its run fails at once with
 * "14 UNAVAILABLE: No connection established. Last error: null". A pool per client keeps
 * every run's connections its own.
 */
export function isolateEngineConnections(): void {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- an internal module of the SDK, without types for this field
    const settings = require("@pulumi/pulumi/runtime/settings") as { grpcClientOptions?: Record<string, unknown> };
    if (!settings.grpcClientOptions)
        throw new Error(
            "@pulumi/pulumi/runtime/settings no longer has grpcClientOptions; revisit the connection workaround in localenv/inlineStack.ts",
        );
    settings.grpcClientOptions["grpc.use_local_subchannel_pool"] = 1;
}

/** createOrSelectStack of an inline program, with the engine connections of each run kept apart. */
export function inlineStack(program: InlineProgramArgs, options: LocalWorkspaceOptions): Promise<Stack> {
    isolateEngineConnections();
    return LocalWorkspace.createOrSelectStack(program, options);
}
