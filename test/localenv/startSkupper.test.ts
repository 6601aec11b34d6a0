// The environment's addresses: pods where they answer in the network mode, kwok's usual
// range otherwise, and the load balancers' on this machine in every mode.
import * as assert from "node:assert/strict";
import { addressRanges } from "./startSkupper";

describe("the environment's address ranges", () => {
    it("puts the network mode's pods and load balancers in one loopback /16, the load balancers at its top", () => {
        assert.deepEqual(
            addressRanges("network", () => 0.5),
            { pods: "127.127.0.0/16", loadBalancers: "127.127.255" },
        );
    });

    it("keeps kwok's usual pod range where no router runs, and the load balancers on loopback", () => {
        for (const mode of ["real", "emulated"] as const)
            assert.deepEqual(
                addressRanges(mode, () => 0),
                { pods: "10.244.0.0/16", loadBalancers: "127.2.255" },
            );
    });

    it("draws from 127.2 to 127.251, never 127.0, where the control plane listens", () => {
        for (const draw of [0, 0.999999])
            assert.match(addressRanges("network", () => draw).pods, /^127\.(?:[2-9]|\d{2,3})\.0\.0\/16$/);
        assert.equal(addressRanges("network", () => 0.999999).pods, "127.251.0.0/16");
    });
});
