// Runs `pulumi up` of the compiled TypeScript program of the project in the current folder
// (its Pulumi.yaml names it) through the Automation API, which hosts the program in this
// process: the stand-in for `pulumi up` on a machine without the Node.js language host.
// Uses the project's own @pulumi/pulumi, as the language host would. Prints the stack's
// outputs as one JSON line.
//
// Usage: node up.js STACK PULUMI_ROOT CONFIG [PROGRAM] [--destroy]
//   CONFIG: JSON of {key: value, or {value, secret: true}}, or @FILE holding it (secrets
//   stay off the command line); PROGRAM: default bin/index.js; --destroy: destroy the stack
//   instead, and print {}.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { LocalWorkspace, PulumiCommand } = require("@pulumi/pulumi/automation");

async function main() {
    const args = process.argv.slice(2);
    const destroy = args[args.length - 1] === "--destroy";
    const [stackName, pulumiRoot, config, program = "bin/index.js"] = destroy ? args.slice(0, -1) : args;
    const project = path.resolve(".");
    const projectName = /^name:\s*(\S+)/m.exec(fs.readFileSync(path.join(project, "Pulumi.yaml"), "utf8"))[1];
    const stack = await LocalWorkspace.createOrSelectStack(
        {
            stackName,
            projectName,
            program: async () => require(path.resolve(project, program)),
        },
        {
            workDir: project,
            pulumiCommand: await PulumiCommand.get({ root: pulumiRoot, skipVersionCheck: true }),
        },
    );
    const json = config.startsWith("@") ? fs.readFileSync(config.slice(1), "utf8") : config;
    for (const [key, value] of Object.entries(JSON.parse(json)))
        await stack.setConfig(key, typeof value === "object" ? value : { value });
    if (destroy) {
        await stack.destroy();
        console.log("{}");
        return;
    }
    const result = await stack.up();
    console.log(JSON.stringify(Object.fromEntries(Object.entries(result.outputs).map(([k, v]) => [k, v.value]))));
}

main().catch((err) => {
    console.error(err);
    process.exit(1);
});
