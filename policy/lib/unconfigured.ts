// The configurable policies that ran without their configuration in this run, so that
// skupper-unconfigured-policies can say so once, as advisory, instead of the mandatory
// policies passing in silence. The policy server runs one pack process per preview or
// update, resource policies before stack policies and stack policies in the pack's
// order; the report at the end of a run empties the record.

const unconfigured = new Map<string, string>();

/** Records that `policy` checked nothing in this run, and why. */
export function noteUnconfigured(policy: string, notice: string): void {
    unconfigured.set(policy, notice);
}

/** The notices of this run, in the order first noted; the record starts afresh. */
export function takeUnconfigured(): string[] {
    const notices = [...unconfigured.values()];
    unconfigured.clear();
    return notices;
}
