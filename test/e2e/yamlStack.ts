// A stack of a Pulumi YAML program, in a folder of its own, with the component's plugin on PATH.
import * as fs from "node:fs";
import * as path from "node:path";
import { LocalWorkspace, Stack } from "@pulumi/pulumi/automation";
import { e2e, pluginEnv } from "./harness";

export async function yamlStack(program: string, name: string): Promise<Stack> {
    const workDir = fs.mkdtempSync(path.join(e2e().stateDir, `${name}-`));
    fs.writeFileSync(path.join(workDir, "Pulumi.yaml"), program);
    return LocalWorkspace.createOrSelectStack(
        { stackName: name, workDir },
        {
            envVars: pluginEnv(),
            pulumiCommand: e2e().pulumi,
        },
    );
}
