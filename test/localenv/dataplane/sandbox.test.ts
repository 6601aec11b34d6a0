// The parts of a router pod's sandbox that need no namespaces: the launch script's
// variable expansion, the listening ports read from /proc/net, the restart back-off.
import * as assert from "node:assert/strict";
import { backoff, expandVariables, listeningOnAllAddresses } from "./sandbox";

describe("data plane: the router pod's sandbox", () => {
    it("expands ${VAR} from the container's environment and leaves unknown ones", () => {
        assert.equal(
            expandVariables('{"id": "${HOSTNAME}", "x": "${NOPE}"}', { HOSTNAME: "skupper-router-abc" }),
            '{"id": "skupper-router-abc", "x": "${NOPE}"}',
        );
    });

    it("publishes the ports listened on for all addresses, not those on 127.0.0.1 only", () => {
        const tcp = [
            "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
            "   0: 0100007F:1628 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1",
            "   1: 00000000:0400 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 2 1",
            "   2: 00000000:0401 0100007F:9C40 01 00000000:00000000 00:00000000 00000000     0        0 3 1",
        ].join("\n");
        const tcp6 = [
            "  sl  local_address                         remote_address                        st",
            "   0: 00000000000000000000000000000000:2382 00000000000000000000000000000000:0000 0A 0",
        ].join("\n");
        const read = (file: string) => (file.endsWith("6") ? tcp6 : tcp);
        assert.deepEqual(listeningOnAllAddresses(read), [1024, 9090]);
    });

    it("restarts after 1 s, then backs off doubling up to 30 s", () => {
        assert.deepEqual([1, 2, 3, 4, 5, 6, 9].map(backoff), [1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    });
});
