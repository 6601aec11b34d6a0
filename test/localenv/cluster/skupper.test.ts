// How the environment starts what plays Skupper's controller (skupper.ts).
import * as assert from "node:assert/strict";
import { Toolchain } from "../toolchain/toolchain";
import { controllerSpec } from "./skupper";

describe("the process that plays Skupper's controller", () => {
    const grantServer = { port: 40269, baseUrl: "127.0.0.1:40269" };

    it("gives the emulator its grant server's port and base URL, and the controller's namespace for its Secret", () => {
        const spec = controllerSpec("emulated", {} as Toolchain, "/env/kubeconfig", grantServer);
        assert.equal(spec.name, "skupper-emulator");
        const args = spec.args.slice(spec.args.indexOf("--kubeconfig"));
        assert.deepEqual(args, [
            "--kubeconfig",
            "/env/kubeconfig",
            "--namespace",
            "skupper",
            "--grant-server-port",
            "40269",
            "--grant-server-base-url",
            "127.0.0.1:40269",
        ]);
        const plain = controllerSpec("emulated", {} as Toolchain, "/env/kubeconfig");
        assert.deepEqual(plain.args.slice(plain.args.indexOf("--kubeconfig")), ["--kubeconfig", "/env/kubeconfig"]);
    });

    it("gives Skupper's controller the grant server's settings in its environment", () => {
        const tools = { skupperController: "/bin/controller" } as Toolchain;
        const spec = controllerSpec("real", tools, "/env/kubeconfig", grantServer);
        assert.equal(spec.env?.SKUPPER_GRANT_SERVER_BASE_URL, "127.0.0.1:40269");
        assert.equal(spec.env?.SKUPPER_ENABLE_GRANTS, "true");
    });
});
