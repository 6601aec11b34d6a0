// The cloud's part: a LoadBalancer Service without an address gets the next free one of
// the environment's range; one with an address keeps it; other Services get none.
import * as assert from "node:assert/strict";
import { assignAddresses, ServiceView } from "./loadBalancers";

const service = (name: string, type: string, ip?: string): ServiceView => ({
    metadata: { namespace: "west", name },
    spec: { type },
    status: ip ? { loadBalancer: { ingress: [{ ip }] } } : {},
});

describe("load balancers (the cloud's part)", () => {
    it("gives each LoadBalancer Service without an address the next one no Service holds", () => {
        const assigned = assignAddresses(
            [
                service("router", "LoadBalancer"),
                service("held", "LoadBalancer", "127.9.255.1"),
                service("internal", "ClusterIP"),
                service("grants", "LoadBalancer"),
            ],
            "127.9.255",
        );
        assert.deepEqual(
            assigned.map((a) => [a.service.metadata.name, a.ip]),
            [
                ["router", "127.9.255.2"],
                ["grants", "127.9.255.3"],
            ],
        );
    });

    it("leaves Services that have an address as they are", () => {
        assert.deepEqual(assignAddresses([service("router", "LoadBalancer", "127.9.255.7")], "127.9.255"), []);
    });

    it("says when the range is used up", () => {
        const held = Array.from({ length: 254 }, (_, i) => service(`s${i}`, "LoadBalancer", `127.9.255.${i + 1}`));
        assert.throws(
            () => assignAddresses([...held, service("one-more", "LoadBalancer")], "127.9.255"),
            /range 127\.9\.255\.0\/24 is exhausted/,
        );
    });
});
