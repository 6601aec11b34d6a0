// The Kubernetes part of the local control plane: etcd, kube-apiserver (token
// authentication, RBAC), kube-controller-manager and kube-scheduler, on loopback with
// free ports, each started through the environment's launcher with a real health check.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as https from "node:https";
import * as path from "node:path";
import { Toolchain } from "../toolchain/toolchain";
import { KubeAccess, KubeClient, paths } from "./kubeClient";
import { writeKubeconfig } from "./kubeconfig";
import { freePort, ProcessSpec, Started, waitFor } from "./processes";

/** Starts a process, records it, and resolves once `ready` says it works. */
export type Launch = (spec: ProcessSpec, ready: (started: Started) => Promise<void>) => Promise<Started>;

export interface KubernetesAccess {
    access: KubeAccess;
    kubeconfig: string;
}

/**
 * `beforeControllers` runs once the API server works and before the controller manager
 * starts: its garbage collector takes up the kinds that exist when it starts, and a kind
 * added later only at its next discovery, up to 30 s on, while a foreground delete of
 * such an object waits for it.
 */
export async function startKubernetes(
    launch: Launch,
    tools: Toolchain,
    dir: string,
    log: (line: string) => void,
    beforeControllers: (kube: KubeClient) => Promise<void> = async () => undefined,
): Promise<KubernetesAccess> {
    const [etcdPort, peerPort, apiPort] = [await freePort(), await freePort(), await freePort()];
    const etcdUrl = `http://127.0.0.1:${etcdPort}`;
    log(`starting etcd on 127.0.0.1:${etcdPort}`);
    await launch(
        {
            name: "etcd",
            binary: tools.bin("etcd"),
            args: [
                "--name=local",
                `--data-dir=${path.join(dir, "etcd")}`,
                `--listen-client-urls=${etcdUrl}`,
                `--advertise-client-urls=${etcdUrl}`,
                `--listen-peer-urls=http://127.0.0.1:${peerPort}`,
                `--initial-advertise-peer-urls=http://127.0.0.1:${peerPort}`,
                `--initial-cluster=local=http://127.0.0.1:${peerPort}`,
                "--log-level=warn",
            ],
        },
        (started) => waitFor("etcd", () => etcdHealthy(etcdUrl), 30000, started).then(() => undefined),
    );

    log(`starting kube-apiserver on 127.0.0.1:${apiPort}`);
    const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const saKey = path.join(dir, "service-account.key");
    fs.writeFileSync(saKey, privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600 });
    fs.writeFileSync(path.join(dir, "service-account.pub"), publicKey.export({ type: "spki", format: "pem" }));
    const access: KubeAccess = { server: `https://127.0.0.1:${apiPort}`, token: randomBytes(24).toString("hex") };
    const tokens = path.join(dir, "tokens.csv");
    fs.writeFileSync(tokens, `${access.token},admin,admin,"system:masters"\n`, { mode: 0o600 });
    const certDir = path.join(dir, "pki");
    const servingCert = path.join(certDir, "apiserver.crt");
    await launch(
        {
            name: "kube-apiserver",
            binary: tools.bin("kube-apiserver"),
            args: [
                `--etcd-servers=${etcdUrl}`,
                "--bind-address=127.0.0.1",
                "--advertise-address=127.0.0.1",
                `--secure-port=${apiPort}`,
                `--cert-dir=${certDir}`,
                `--token-auth-file=${tokens}`,
                "--authorization-mode=RBAC",
                "--service-account-issuer=https://kubernetes.default.svc",
                `--service-account-key-file=${saKey}`,
                `--service-account-signing-key-file=${saKey}`,
                "--service-cluster-ip-range=10.96.0.0/24",
                "--allow-privileged=false",
            ],
        },
        async (started) => {
            // The API server writes a self-signed serving certificate (its own CA) on first start.
            access.ca = await waitFor(
                "kube-apiserver certificate",
                async () =>
                    fs.existsSync(servingCert) && fs.statSync(servingCert).size > 0
                        ? fs.readFileSync(servingCert, "utf8")
                        : undefined,
                60000,
                started,
            );
            await apiserverReady(new KubeClient(access), started);
        },
    );
    const kubeconfig = path.join(dir, "kubeconfig");
    writeKubeconfig(kubeconfig, access);
    const kube = new KubeClient(access);
    await beforeControllers(kube);

    log("starting kube-controller-manager");
    await launch(
        {
            name: "kube-controller-manager",
            binary: tools.bin("kube-controller-manager"),
            args: [
                `--kubeconfig=${kubeconfig}`,
                "--leader-elect=false",
                "--secure-port=0",
                `--service-account-private-key-file=${saKey}`,
                `--root-ca-file=${servingCert}`,
                "--use-service-account-credentials=false",
                "--controllers=*,-nodeipam,-nodelifecycle,-cloud-node-lifecycle",
            ],
        },
        (started) => controllerManagerReady(kube, started),
    );

    const schedulerPort = await freePort();
    log(`starting kube-scheduler (health on 127.0.0.1:${schedulerPort})`);
    await launch(
        {
            name: "kube-scheduler",
            binary: tools.bin("kube-scheduler"),
            args: [
                `--kubeconfig=${kubeconfig}`,
                "--leader-elect=false",
                "--bind-address=127.0.0.1",
                `--secure-port=${schedulerPort}`,
            ],
        },
        (started) => waitFor("kube-scheduler", () => healthz(schedulerPort), 60000, started).then(() => undefined),
    );
    return { access, kubeconfig };
}

async function etcdHealthy(url: string): Promise<true | undefined> {
    const response = await fetch(`${url}/health`);
    const body = (await response.json()) as { health?: string };
    return response.ok && body.health === "true" ? true : undefined;
}

export function apiserverReady(kube: KubeClient, started: Started): Promise<void> {
    return waitFor(
        "kube-apiserver",
        async () => ((await kube.get("/readyz")) === "ok" ? true : undefined),
        120000,
        started,
    ).then(() => undefined);
}

/** Works when its ServiceAccount controller has created `default` in the default namespace. */
function controllerManagerReady(kube: KubeClient, started: Started): Promise<void> {
    return waitFor(
        "kube-controller-manager",
        async () => ((await kube.find(paths.serviceAccount("default", "default"))) ? true : undefined),
        120000,
        started,
    ).then(() => undefined);
}

/** A component's own /healthz on its secure port (a self-signed certificate). */
function healthz(port: number): Promise<true | undefined> {
    return new Promise((resolve) => {
        const req = https.get(
            { host: "127.0.0.1", port, path: "/healthz", rejectUnauthorized: false, timeout: 2000 },
            (res) => {
                res.resume();
                resolve(res.statusCode === 200 ? true : undefined);
            },
        );
        req.on("error", () => resolve(undefined));
        req.on("timeout", () => req.destroy());
    });
}
