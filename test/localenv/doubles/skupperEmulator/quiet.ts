// Keeps the emulator's log lines (console.log and console.error) out of a suite's output.
export function quietLogs(): void {
    let saved: [typeof console.log, typeof console.error];
    beforeEach(() => {
        saved = [console.log, console.error];
        console.log = console.error = () => {};
    });
    afterEach(() => ([console.log, console.error] = saved));
}
