// Pods that answer: a Running and Ready pod serves each port its containers declare at
// its address, answering with its name; a pod that stops running stops answering.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { freePort } from "../cluster/processes";
import { listEndpoints } from "./endpoints";
import { PodServers, PodView } from "./podServers";
import { roundTrip } from "./traffic";

function pod(name: string, ip: string, port: number, ready = true): PodView {
    return {
        metadata: { name, namespace: "shop", uid: `uid-${name}` },
        spec: { containers: [{ ports: [{ containerPort: port }] }] },
        status: {
            phase: "Running",
            podIP: ip,
            conditions: [{ type: "Ready", status: ready ? "True" : "False" }],
        },
    };
}

describe("data plane: pods that answer", () => {
    let folder: string;
    let servers: PodServers;
    beforeEach(() => {
        folder = fs.mkdtempSync(path.join(os.tmpdir(), "pods-"));
        servers = new PodServers(folder, "host", () => undefined);
    });
    afterEach(async () => {
        await servers.sync([]);
        fs.rmSync(folder, { recursive: true, force: true });
    });

    it("answers each line with the pod's name, at the pod's address and through its published endpoint", async () => {
        const port = await freePort();
        await servers.sync([pod("backend-1", "127.1.201.1", port), pod("backend-2", "127.1.201.2", port, false)]);
        const trip = await roundTrip("127.1.201.1", port, "hello", { timeoutMs: 2000 });
        assert.deepEqual([trip.reply, trip.pod], ["backend-1: hello", "backend-1"]);
        assert.deepEqual(
            listEndpoints(folder).map((e) => `${e.ip}:${e.port}`),
            [`127.1.201.1:${port}`],
            "a pod that is not Ready serves nothing",
        );
    });

    it("stops answering when the pod stops running", async () => {
        const port = await freePort();
        await servers.sync([pod("backend-1", "127.1.201.3", port)]);
        await servers.sync([]);
        const trip = await roundTrip("127.1.201.3", port, "hello", { timeoutMs: 2000 });
        assert.equal(trip.pod, undefined);
        assert.deepEqual(listEndpoints(folder), []);
    });
});
