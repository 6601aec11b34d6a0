// What one program-cost measurement creates per pair, for the profile in RESULTS.md:
// Outputs, applies and the SDK's tracked promises (each captures a stack trace), by the
// label the SDK gives them. Preloaded into a measurement, it wraps the SDK's exported
// internals and prints the census when the process exits:
//   node -r ./bin/bench/programCensus.js bin/bench/programCost.js component 1000
/* eslint-disable @typescript-eslint/no-require-imports */
const debuggable: {
    debuggablePromise: (p: Promise<unknown>, label: unknown) => Promise<unknown>;
} = require("@pulumi/pulumi/runtime/debuggable");
const utils: { union: (...args: unknown[]) => unknown } = require("@pulumi/pulumi/utils");
const output: { Output: { prototype: { apply: (...args: unknown[]) => unknown } } } = require("@pulumi/pulumi/output");

const promises = new Map<string, number>();
let outputs = 0;
let applies = 0;

const track = debuggable.debuggablePromise;
debuggable.debuggablePromise = (p, label) => {
    // "monitor.registerResource(urn...)" -> "monitor.registerResource"
    const kind = String(label).replace(/[(:].*$/, "");
    promises.set(kind, (promises.get(kind) ?? 0) + 1);
    return track(p, label);
};
// Every Output merges its resources once (utils.union), whoever built it.
const union = utils.union;
utils.union = (...args) => {
    outputs++;
    return union(...args);
};
const apply = output.Output.prototype.apply;
output.Output.prototype.apply = function (this: unknown, ...args: unknown[]) {
    applies++;
    return apply.apply(this, args);
};

process.on("exit", () => {
    const n = Number(process.argv[3]) || 1;
    const per = (count: number) => (count / n).toFixed(1);
    const total = [...promises.values()].reduce((a, b) => a + b, 0);
    process.stderr.write(
        `per pair (${process.argv[2]}): ${per(outputs)} Outputs, ${per(applies)} applies, ${per(total)} tracked promises\n`,
    );
    for (const [kind, count] of [...promises].sort((a, b) => b[1] - a[1]))
        process.stderr.write(`  ${per(count).padStart(5)} ${kind}\n`);
});
