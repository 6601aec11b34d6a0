// Unit tier: the engine connections of inline programs (localenv/inlineStack.ts). In a
// process that runs many programs, a run whose engine listens on a port that an earlier,
// dead engine used must still reach its own engine.
import * as assert from "node:assert/strict";
import { isolateEngineConnections } from "./inlineStack";

// The gRPC library and client options of @pulumi/pulumi itself: its connection pool is the one at stake.
/* eslint-disable @typescript-eslint/no-require-imports -- the SDK's own copies, found from its folder */
const grpc = require(require.resolve("@grpc/grpc-js", { paths: [require.resolve("@pulumi/pulumi")] }));
const { grpcClientOptions } = require("@pulumi/pulumi/runtime/settings");
/* eslint-enable @typescript-eslint/no-require-imports */

const echo = {
    ping: {
        path: "/test.Engine/Ping",
        requestStream: false,
        responseStream: false,
        requestSerialize: (s: string) => Buffer.from(s),
        requestDeserialize: (b: Buffer) => b.toString(),
        responseSerialize: (s: string) => Buffer.from(s),
        responseDeserialize: (b: Buffer) => b.toString(),
    },
};
const EngineClient = grpc.makeGenericClientConstructor(echo, "Engine");

async function engine(port: number): Promise<{ server: any; port: number }> {
    const server = new grpc.Server();
    server.addService(echo, { ping: (_call: unknown, reply: (e: null, r: string) => void) => reply(null, "pong") });
    const bound = await new Promise<number>((resolve, reject) =>
        server.bindAsync(`127.0.0.1:${port}`, grpc.ServerCredentials.createInsecure(), (e: Error | null, p: number) =>
            e ? reject(e) : resolve(p),
        ),
    );
    return { server, port: bound };
}

function ping(client: any): Promise<string> {
    return new Promise((resolve) => client.ping("ping", (e: Error | null, r: string) => resolve(e ? e.message : r)));
}

describe("inline stacks: engine connections", () => {
    it("a run reaches its engine even on the port of an engine that went away under an earlier run", async () => {
        isolateEngineConnections();
        const first = await engine(0);
        const earlier = new EngineClient(
            `127.0.0.1:${first.port}`,
            grpc.credentials.createInsecure(),
            grpcClientOptions,
        );
        assert.equal(await ping(earlier), "pong");
        first.server.forceShutdown();
        await new Promise((resolve) => setTimeout(resolve, 200));
        // The earlier run's program still calls its engine, which is gone; its client is never closed.
        assert.match(await ping(earlier), /UNAVAILABLE/);

        const second = await engine(first.port);
        try {
            const later = new EngineClient(
                `127.0.0.1:${first.port}`,
                grpc.credentials.createInsecure(),
                grpcClientOptions,
            );
            assert.equal(await ping(later), "pong");
            later.close();
        } finally {
            earlier.close();
            second.server.forceShutdown();
        }
    });
});
