// Where a program-cost measurement spends its time, for the profile in RESULTS.md: reads
// the CPU profiles that `node --cpu-prof` wrote and prints the functions with the most
// self time, and the share of each package:
//   node --cpu-prof --cpu-prof-dir=bin/prof bin/bench/programCost.js component 1000
//   node bin/bench/profileTop.js bin/prof
import * as fs from "node:fs";
import * as path from "node:path";

interface ProfileNode {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
    nodes: ProfileNode[];
    samples: number[];
    timeDeltas: number[];
}

/** "node_modules/@pulumi/pulumi/output.js" -> "@pulumi/pulumi"; the program's own files by folder. */
function packageOf(url: string): string {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
    if (match) return match[1];
    if (url.startsWith("node:") || url === "") return url === "" ? "(engine)" : "node";
    return `(program) ${path.basename(path.dirname(url))}`;
}

function main(dir: string): void {
    const self = new Map<string, number>();
    const packages = new Map<string, number>();
    let total = 0;
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"))) {
        const profile: Profile = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
        const byId = new Map(profile.nodes.map((n) => [n.id, n]));
        profile.samples.forEach((id, i) => {
            const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
            const us = profile.timeDeltas[i] ?? 0;
            total += us;
            const key = `${functionName || "(anonymous)"} ${url.replace(/^.*node_modules\//, "")}:${lineNumber + 1}`;
            self.set(key, (self.get(key) ?? 0) + us);
            packages.set(packageOf(url), (packages.get(packageOf(url)) ?? 0) + us);
        });
    }
    const share = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)}%`;
    console.log(`${(total / 1000).toFixed(0)} ms sampled\n\nby package`);
    for (const [name, us] of [...packages].sort((a, b) => b[1] - a[1]).slice(0, 8))
        console.log(`${share(us)}  ${name}`);
    console.log("\nby function (self time)");
    for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${share(us)}  ${name}`);
}

main(process.argv[2] ?? ".");
