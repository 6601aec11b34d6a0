// The policy server's side of the wire, as the policy tier emulates it: the engine's
// properties deserialized as the server does (secrets unwrapped for a validation, marked
// for a remediation; unknown values that throw when read, as in a preview), and a
// remediation's result serialized back. It uses the server's own modules, internal to
// @pulumi/policy (so without type declarations), from the pack's copy, whose Secret
// class the pack's policies know.
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { specialSecretSig, specialSigKey } from "@pulumi/pulumi/runtime/rpc";

function packModule<T>(name: string): T {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(require.resolve(name, { paths: [path.join(__dirname, "../../policy")] })) as T;
}
const proxy = packModule<{
    unknownCheckingProxy: <T>(value: T) => T;
    UnknownValueError: new (...args: never[]) => Error;
}>("@pulumi/policy/proxy");
const { unknownCheckingProxy } = proxy;
/** What the server's proxy throws when a policy reads an unknown value. */
export const UnknownValueError = proxy.UnknownValueError;
const { deserializeProperties, serializeProperties } = packModule<{
    deserializeProperties: (struct: { toJavaScript(): unknown }, proxySecrets: boolean) => Record<string, any>;
    serializeProperties: (value: unknown) => Promise<Record<string, any>>;
}>("@pulumi/policy/deserialize");

/** A value the program marked secret, as the engine sends it to the pack, and the pack back. */
export function secret(value: unknown): Record<string, unknown> {
    return { [specialSigKey]: specialSecretSig, value };
}

/** How the engine sends an unknown value to a policy pack. */
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** Inputs as the engine sends them: a preview's unknown values become the unknown sentinel. */
export function asSentToPolicies(value: any): any {
    if (value === pulumi.unknown) return UNKNOWN;
    if (Array.isArray(value)) return value.map(asSentToPolicies);
    if (value !== null && typeof value === "object") {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asSentToPolicies(v)]));
    }
    return value;
}

/**
 * Props as the policy server hands them to a policy: deserialized from the engine's (a
 * protobuf Struct, as JSON), secrets unwrapped (or, for a remediation, wrapped as
 * Secret), and unknown values that throw when read.
 */
export function servedProps(props: Record<string, any>, proxySecrets: boolean): Record<string, any> {
    const struct = { toJavaScript: () => JSON.parse(JSON.stringify(props)) };
    return unknownCheckingProxy(deserializeProperties(struct, proxySecrets));
}

/** A remediation's result as the server sends it to the engine: secrets as secret(), no proxies. */
export function sentBack(props: Record<string, any>): Promise<Record<string, any>> {
    return serializeProperties(props);
}
