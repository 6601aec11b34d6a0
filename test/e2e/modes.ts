// Cases that need a part only one mode has (Skupper's router: the network mode) run in
// that mode; in the others they are not run, and the tier's last lines name them and say
// why. The harness tells this module the mode the tier runs in.
import { SkupperMode } from "../localenv/cluster/skupper";

let running: SkupperMode | undefined;
const notRun: string[] = [];
let suiteSkips = 0;

export function setRunningMode(mode: SkupperMode): void {
    running = mode;
}

/** Called in a describe callback (`this`): its cases run only in `mode`. */
export function onlyInMode(suite: Mocha.Suite, mode: SkupperMode, why: string): void {
    suite.beforeAll(function () {
        if (running === mode) return;
        for (const test of suite.tests) notRun.push(`${test.fullTitle()} (${mode} mode only: ${why})`);
        suiteSkips += suite.tests.length;
        this.skip();
    });
}

/** Called at the start of a case (`this`): it runs only in the given modes. */
export function caseOnlyInModes(context: Mocha.Context, modes: SkupperMode[], why: string): void {
    if (running && modes.includes(running)) return;
    notRun.push(`${context.test?.fullTitle()} (${modes.join(" or ")} mode only: ${why})`);
    context.skip();
}

/** Called at the start of a case (`this`): it cannot run in this environment, for the reason given. */
export function caseNotRunWith(context: Mocha.Context, why: string): void {
    notRun.push(`${context.test?.fullTitle()} (not with ${why})`);
    context.skip();
}

/** How many cases were skipped with their whole suite (which the harness's afterEach never sees). */
export function suiteCasesNotRun(): number {
    return suiteSkips;
}

/** The cases not run in this mode, with the reason. */
export function notRunHere(): readonly string[] {
    return notRun;
}
