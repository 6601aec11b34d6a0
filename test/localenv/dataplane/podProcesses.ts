// The processes of the router pods as this machine sees them. A router pod's processes
// live in a PID namespace of their own, where their PIDs mean nothing outside; each
// carries its environment, pod and container in its environment instead, and this finds
// them by reading /proc, as `ps` would.
import * as fs from "node:fs";

/** Environment variables that mark a router pod's processes (set by routerPods.ts and sandbox.ts). */
export const MARKS = {
    environment: "SKUPPER_PULUMI_ENV",
    pod: "SKUPPER_PULUMI_POD",
    container: "SKUPPER_PULUMI_CONTAINER",
};

export interface PodProcess {
    /** The PID on this machine. */
    pid: number;
    /** `namespace/name`. */
    pod: string;
    /** The container's name, or "" for the pod's sandbox itself. */
    container: string;
}

/** Every live process of the environment's router pods. */
export function podProcesses(envDir: string): PodProcess[] {
    const found: PodProcess[] = [];
    for (const entry of fs.readdirSync("/proc")) {
        if (!/^\d+$/.test(entry)) continue;
        let environ: string;
        try {
            environ = fs.readFileSync(`/proc/${entry}/environ`, "latin1");
        } catch {
            continue; // gone meanwhile, or not ours to read
        }
        const vars = new Map(
            environ
                .split("\0")
                .map((v) => v.split("="))
                .map(([k, ...rest]) => [k, rest.join("=")] as const),
        );
        if (vars.get(MARKS.environment) !== envDir) continue;
        if (isZombie(entry)) continue;
        found.push({ pid: Number(entry), pod: vars.get(MARKS.pod) ?? "", container: vars.get(MARKS.container) ?? "" });
    }
    return found;
}

function isZombie(pid: string): boolean {
    try {
        return /^State:\s+Z/m.test(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    } catch {
        return true;
    }
}
