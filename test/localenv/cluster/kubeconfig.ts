// The kubeconfig the local control plane writes for its admin token (or for another
// user's token, as the consent tests do).
import * as fs from "node:fs";
import { KubeAccess } from "./kubeClient";

export function writeKubeconfig(file: string, access: KubeAccess, user = "admin"): void {
    const config = {
        apiVersion: "v1",
        kind: "Config",
        clusters: [
            {
                name: "local",
                cluster: {
                    server: access.server,
                    "certificate-authority-data": Buffer.from(access.ca ?? "").toString("base64"),
                },
            },
        ],
        users: [{ name: user, user: { token: access.token } }],
        contexts: [{ name: "local", context: { cluster: "local", user } }],
        "current-context": "local",
    };
    fs.writeFileSync(file, JSON.stringify(config, null, 2), { mode: 0o600 });
}

export { readKubeconfig } from "../../../provider/diagnosis/kubeAccess";
