// Certificates for the emulator's grant server, made with the openssl command (Node's
// crypto makes keys but no X.509 certificates): a CA of its own and a certificate it
// signs for the given hosts (IP addresses or DNS names), both with P-256 keys, valid for
// ten years. Skupper's controller has its own certificate manager make them instead.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** PEM text, as a kubernetes.io/tls Secret holds it (ca.crt, tls.crt, tls.key). */
export interface TlsCredentials {
    ca: string;
    cert: string;
    key: string;
}

const EC_KEY = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];

/** A new CA and a certificate it signs for `subject` and `hosts` (for serving and for clients). */
export function issueCertificate(subject: string, hosts: string[]): TlsCredentials {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "skupper-emulator-certs-"));
    const file = (name: string) => path.join(dir, name);
    const openssl = (args: string[]) => execFileSync("openssl", args, { stdio: ["ignore", "ignore", "pipe"] });
    try {
        openssl([
            "req",
            "-x509",
            ...EC_KEY,
            ...["-keyout", file("ca.key"), "-out", file("ca.crt"), "-days", "3650"],
            ...["-subj", `/CN=${subject} CA`],
            ...["-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"],
        ]);
        openssl(["req", ...EC_KEY, "-keyout", file("tls.key"), "-out", file("tls.csr"), "-subj", `/CN=${subject}`]);
        const names = hosts.map((host) => (/^[\d.]+$|:/.test(host) ? `IP:${host}` : `DNS:${host}`));
        const extensions = [
            "basicConstraints=CA:FALSE",
            "keyUsage=critical,digitalSignature,keyEncipherment",
            "extendedKeyUsage=serverAuth,clientAuth",
            ...(names.length ? [`subjectAltName=${names.join(",")}`] : []),
        ];
        fs.writeFileSync(file("extensions"), `${extensions.join("\n")}\n`);
        openssl([
            "x509",
            "-req",
            ...["-in", file("tls.csr"), "-CA", file("ca.crt"), "-CAkey", file("ca.key")],
            ...["-set_serial", `0x${randomBytes(16).toString("hex")}`, "-days", "3650"],
            ...["-extfile", file("extensions"), "-out", file("tls.crt")],
        ]);
        const read = (name: string) => fs.readFileSync(file(name), "utf8");
        return { ca: read("ca.crt"), cert: read("tls.crt"), key: read("tls.key") };
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}
