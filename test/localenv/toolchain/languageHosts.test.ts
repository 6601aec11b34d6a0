// The toolchain builds no language host: PULUMI_LANGUAGE_NODEJS and PULUMI_LANGUAGE_GO
// name ones built elsewhere, for the end-to-end cases that run a program under the CLI.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { toolchainAt } from "./toolchain";

describe("the language hosts given to the toolchain", () => {
    let dir: string;
    beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "language-hosts-"))));
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("are none when no variable names one", () => {
        assert.deepEqual(toolchainAt(dir, {}).languageHosts, {});
    });

    it("are the executables the variables name, by their real paths", () => {
        const host = path.join(dir, "pulumi-language-nodejs");
        fs.writeFileSync(host, "#!/bin/sh\n", { mode: 0o755 });
        fs.symlinkSync(host, path.join(dir, "link"));
        const env = { PULUMI_LANGUAGE_NODEJS: path.join(dir, "link") };
        assert.deepEqual(toolchainAt(dir, env).languageHosts, { nodejs: fs.realpathSync(host) });
    });

    it("refuse a variable that names no executable file, naming the variable", () => {
        const notExecutable = path.join(dir, "pulumi-language-go");
        fs.writeFileSync(notExecutable, "");
        assert.throws(
            () => toolchainAt(dir, { PULUMI_LANGUAGE_GO: notExecutable }),
            new Error(
                `PULUMI_LANGUAGE_GO: ${notExecutable} is not an executable file; expected pulumi-language-go built elsewhere`,
            ),
        );
        assert.throws(() => toolchainAt(dir, { PULUMI_LANGUAGE_NODEJS: dir }), /^Error: PULUMI_LANGUAGE_NODEJS: /);
    });
});
