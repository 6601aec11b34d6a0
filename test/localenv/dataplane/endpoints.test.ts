// The pod network's one mechanism, in one namespace: an endpoint published by one owner
// is bound by another's importer at its address, and unbound when it goes away.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { freePort } from "../cluster/processes";
import { EndpointImporter, listEndpoints, publish } from "./endpoints";
import { roundTrip } from "./traffic";

describe("data plane: published endpoints", () => {
    let folder: string;
    beforeEach(() => (folder = fs.mkdtempSync(path.join(os.tmpdir(), "endpoints-"))));
    afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

    it("binds another owner's endpoint at its address and pipes each connection to it; unbinds it once withdrawn", async () => {
        const port = await freePort();
        const server = await publish(folder, "pod-a", "127.1.200.1", port, (c) =>
            c.once("data", (d) => c.end(`pod-a: ${String(d)}`)),
        );
        assert.deepEqual(
            listEndpoints(folder).map((e) => [e.owner, e.ip, e.port]),
            [["pod-a", "127.1.200.1", port]],
        );
        const own = new EndpointImporter(folder, "pod-a");
        const other = new EndpointImporter(folder, "host");
        await own.sync();
        await other.sync();
        const trip = await roundTrip("127.1.200.1", port, "hello", { timeoutMs: 2000 });
        assert.equal(trip.reply, "pod-a: hello");
        assert.equal(trip.pod, "pod-a");

        await new Promise((resolve) => server.close(resolve));
        assert.deepEqual(listEndpoints(folder), [], "closing the server withdraws the endpoint");
        await other.sync();
        const refused = await roundTrip("127.1.200.1", port, "hello", { timeoutMs: 2000 });
        assert.equal(refused.reply, undefined);
        assert.match(refused.failure!, /ECONNREFUSED/);
        own.stop();
        other.stop();
    });
});
