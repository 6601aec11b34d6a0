// Starting and stopping the local environment's processes, each in a process group of
// its own and logging to a file of its own, and waiting for a condition with a deadline.
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import * as path from "node:path";

/** How to start a process again (a restart repeats it) and where it runs now. */
export interface ProcessSpec {
    name: string;
    binary: string;
    args: string[];
    env?: Record<string, string>;
}

/** A TypeScript program of this repository (a path from its root), run by Node through ts-node, transpile only. */
export function scriptSpec(name: string, script: string, args: string[]): ProcessSpec {
    const root = path.resolve(__dirname, "../../..");
    return {
        name,
        binary: process.execPath,
        args: ["-r", path.join(root, "node_modules/ts-node/register/transpile-only"), path.join(root, script), ...args],
        env: { TS_NODE_PROJECT: path.join(root, "tsconfig.json") },
    };
}

export interface Started extends ProcessSpec {
    /** The PID, which is also the process group's ID. */
    pid: number;
    log: string;
}

export function startProcess(spec: ProcessSpec, dir: string): Started {
    try {
        fs.accessSync(spec.binary, fs.constants.X_OK);
    } catch {
        throw new Error(`${spec.name}: ${spec.binary} is not an executable file`);
    }
    const log = path.join(dir, `${spec.name}.log`);
    const out = fs.openSync(log, "a");
    // Detached: a group of its own, so that stop ends its children too, and a control
    // plane started for the demo outlives the command that started it.
    const child = spawn(spec.binary, spec.args, {
        cwd: dir,
        env: { ...process.env, ...spec.env },
        stdio: ["ignore", out, out],
        detached: true,
    });
    fs.closeSync(out);
    child.unref();
    if (child.pid === undefined) throw new Error(`${spec.name}: could not start ${spec.binary}`);
    return { ...spec, pid: child.pid, log };
}

export function isRunning(pid: number): boolean {
    try {
        process.kill(pid, 0);
        return true;
    } catch {
        return false;
    }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
    try {
        process.kill(-pid, signal);
    } catch {
        // the group is gone already
    }
}

/** Ends a process group: SIGTERM, then SIGKILL if its leader is still there after the grace period. */
export async function stopProcess(pid: number, graceMs = 5000): Promise<void> {
    if (!isRunning(pid)) return signalGroup(pid, "SIGKILL");
    signalGroup(pid, "SIGTERM");
    const deadline = Date.now() + graceMs;
    while (isRunning(pid) && Date.now() < deadline) await sleep(100);
    signalGroup(pid, "SIGKILL");
    while (isRunning(pid)) await sleep(50);
}

/** Ends process groups at once, for exit paths that cannot wait. */
export function killNow(pids: number[]): void {
    for (const pid of pids) signalGroup(pid, "SIGKILL");
}

export function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `check` until it returns a value, failing after `timeoutMs` with the last error. */
export async function waitFor<T>(
    what: string,
    check: () => Promise<T | undefined>,
    timeoutMs: number,
    started?: Started,
): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let last: unknown;
    while (Date.now() < deadline) {
        if (started && !isRunning(started.pid)) {
            throw new Error(
                `${what}: ${started.name} exited; its log (${started.log}) ends with:\n${tail(started.log)}`,
            );
        }
        try {
            const value = await check();
            if (value !== undefined) return value;
        } catch (e) {
            last = e;
        }
        await sleep(200);
    }
    throw new Error(
        `${what}: not ready after ${timeoutMs / 1000}s${last ? ` (${String(last)})` : ""}${started ? `; see ${started.log}` : ""}`,
    );
}

export function tail(file: string, lines = 15): string {
    try {
        return fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
    } catch {
        return "(no log)";
    }
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const server = net.createServer();
        server.unref();
        server.on("error", reject);
        server.listen(0, "127.0.0.1", () => {
            const { port } = server.address() as net.AddressInfo;
            server.close(() => resolve(port));
        });
    });
}
