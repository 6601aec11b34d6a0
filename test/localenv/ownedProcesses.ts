// The processes the local environment starts, by name: each started with the check that
// says it works, stopped and started again by the fault tests, and ended with this
// program, however it ends, until the environment stops them or detaches from them.
import { isRunning, killNow, ProcessSpec, Started, startProcess, stopProcess } from "./cluster/processes";

export type Ready = (started: Started) => Promise<void>;

export class OwnedProcesses {
    private readonly readiness = new Map<string, Ready>();
    private owning = false;

    /** `started` is the environment's saved list, kept up to date in place; `changed` saves it. */
    constructor(
        private readonly started: Started[],
        private readonly dir: string,
        private readonly changed: () => void,
        private readonly log: (line: string) => void,
    ) {}

    get all(): readonly Started[] {
        return this.started;
    }

    /** Starts a process in the environment's folder and waits until `ready` says it works. */
    async launch(spec: ProcessSpec, ready: Ready): Promise<Started> {
        const started = startProcess(
            { name: spec.name, binary: spec.binary, args: spec.args, env: spec.env },
            this.dir,
        );
        this.started.push(started);
        this.readiness.set(spec.name, ready);
        this.changed();
        await ready(started);
        return started;
    }

    /** Stops a process (its whole group), for fault tests. */
    async stop(name: string): Promise<void> {
        await stopProcess(this.find(name).pid);
        this.log(`${name} stopped`);
    }

    /** Starts a stopped process again with the same command line and waits until it works. */
    async start(name: string): Promise<void> {
        const old = this.find(name);
        this.started.splice(this.started.indexOf(old), 1);
        await this.launch(old, this.readiness.get(name) ?? (async () => undefined));
        this.log(`${name} started again`);
    }

    async restart(name: string): Promise<void> {
        await this.stop(name);
        await this.start(name);
    }

    running(name: string): boolean {
        return isRunning(this.find(name).pid);
    }

    /** Stops every process, newest first. */
    async stopAll(): Promise<void> {
        for (const p of [...this.started].reverse()) await stopProcess(p.pid);
        this.disown();
    }

    /** From now on, the processes end with this program. */
    own(): void {
        this.owning = true;
        process.on("exit", this.killAll);
        process.once("SIGINT", this.onSignal);
        process.once("SIGTERM", this.onSignal);
    }

    /** The processes outlive this program (the demo and `npm run cluster -- start` leave them running). */
    disown(): void {
        if (!this.owning) return;
        this.owning = false;
        process.off("exit", this.killAll);
        process.off("SIGINT", this.onSignal);
        process.off("SIGTERM", this.onSignal);
    }

    private readonly killAll = () => killNow(this.started.map((p) => p.pid));
    private readonly onSignal = (signal: NodeJS.Signals) => {
        this.killAll();
        process.exit(signal === "SIGINT" ? 130 : 143);
    };

    private find(name: string): Started {
        const started = this.started.find((p) => p.name === name);
        if (!started)
            throw new Error(`no process ${name} in this environment (${this.started.map((p) => p.name).join(", ")})`);
        return started;
    }
}
