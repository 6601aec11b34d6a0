// What plays Skupper in each mode, started in order once the cluster runs: the
// controller (or, in emulated mode, the status emulator), then what reports the network:
// in the network mode Skupper's own router and kube-adaptor for every site (the data
// plane, whose collector writes skupper-network-status), otherwise the network-status
// writer, which writes what that collector would.
import * as fs from "node:fs";
import * as path from "node:path";
import { PEERS_FILE } from "./clusterPeers";
import { KubeClient } from "./cluster/kubeClient";
import { ProcessSpec, scriptSpec, waitFor } from "./cluster/processes";
import { controllerSpec, CONTROLLER_NAMESPACE, probeSkupper, SkupperMode } from "./cluster/skupper";
import { dataPlaneFolders } from "./dataplane/dataPlane";
import { Ready } from "./ownedProcesses";
import { Toolchain } from "./toolchain/toolchain";
import { GrantServer, requestGrantServerCertificate, waitForGrantServer } from "./cluster/grantServer";

/** The process names, for the fault tests and for the check that no double runs beside the data plane. */
export const DATA_PLANE = "skupper-data-plane";
export const NETWORK_STATUS_WRITER = "network-status-writer";

export interface AddressRanges {
    /** kwok's pod range. */
    pods: string;
    /** The first three parts of the load balancers' /24 (cluster/loadBalancers.ts). */
    loadBalancers: string;
}

/**
 * The environment's addresses: in the network mode the pods' are loopback addresses,
 * where they answer (see dataplane/), otherwise kwok's usual range; the load balancers'
 * are loopback addresses in every mode. The /16 is drawn at random, so that two
 * environments (two clusters) on one machine seldom share one.
 */
export function addressRanges(mode: SkupperMode, draw = Math.random): AddressRanges {
    const n = 2 + Math.floor(draw() * 250);
    return { pods: mode === "network" ? `127.${n}.0.0/16` : "10.244.0.0/16", loadBalancers: `127.${n}.255` };
}

export async function startSkupper(
    launch: (spec: ProcessSpec, ready: Ready) => Promise<unknown>,
    parts: {
        mode: SkupperMode;
        tools: Toolchain;
        kubeconfig: string;
        kube: KubeClient;
        dir: string;
        grantServer?: GrantServer;
    },
    log: (line: string) => void,
): Promise<void> {
    const { mode, tools, kubeconfig, kube, dir, grantServer } = parts;
    const grants = grantServer ? `; grant server on ${grantServer.baseUrl}` : "";
    if (mode === "emulated") {
        log(`starting the Skupper status emulator (no controller available${grants})`);
    } else {
        log(`starting the Skupper controller (cluster-wide${grants})`);
        if (grantServer) await requestGrantServerCertificate(kube, CONTROLLER_NAMESPACE);
    }
    // The emulator makes its grant server's certificate itself, into the same Secret.
    await launch(controllerSpec(mode, tools, kubeconfig, grantServer), async (started) => {
        await probeSkupper(kube, CONTROLLER_NAMESPACE, 60000, started);
        if (grantServer) await waitForGrantServer(kube, CONTROLLER_NAMESPACE, grantServer, started);
    });
    if (mode === "network") {
        const { router, adaptor } = tools.dataPlane!;
        log("starting Skupper's data plane: a router and a kube-adaptor for every site, and pods that answer");
        const ready = dataPlaneFolders(dir).ready;
        await launch(
            scriptSpec(DATA_PLANE, "test/localenv/dataplane/dataPlane.ts", [
                `--kubeconfig=${kubeconfig}`,
                `--dir=${dir}`,
                `--router=${router}`,
                `--adaptor=${adaptor}`,
            ]),
            async (started) => {
                await waitFor("the data plane", async () => (fs.existsSync(ready) ? true : undefined), 60000, started);
            },
        );
        return;
    }
    log("starting the network-status writer (no router runs in this mode)");
    await launch(
        scriptSpec(NETWORK_STATUS_WRITER, "test/localenv/doubles/networkStatusWriter.ts", [
            "--kubeconfig",
            kubeconfig,
            "--peers",
            path.join(dir, PEERS_FILE),
        ]),
        async (started) => {
            await waitFor(
                "the network-status writer",
                async () => (fs.readFileSync(started.log, "utf8").includes("writing each site") ? true : undefined),
                60000,
                started,
            );
        },
    );
}
