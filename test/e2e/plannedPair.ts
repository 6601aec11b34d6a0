// What the examples in every language must plan: checked alike for YAML, Python and Go.
import * as assert from "node:assert/strict";

/** One resource a preview plans to create. */
export interface Planned {
    type: string;
    inputs: any;
    provider: string;
}

const CONNECTOR = "kubernetes:skupper.io/v2alpha1:AttachedConnector";
const BINDING = "kubernetes:skupper.io/v2alpha1:AttachedConnectorBinding";

/** Asserts the examples' pair (backend, example-shop to example-west); returns both halves' inputs. */
export function assertExamplePair(creates: Planned[]): { connector: any; binding: any } {
    const of = (type: string) => creates.filter((c) => c.type === type).map((c) => c.inputs);
    assert.equal(of("skupper:index:AttachedConnectorPair").length, 1);
    const [connector] = of(CONNECTOR);
    const [binding] = of(BINDING);
    assert.deepEqual(
        [connector.metadata.name, connector.metadata.namespace, connector.spec.siteNamespace, connector.spec.port],
        ["backend", "example-shop", "example-west", 8080],
    );
    assert.deepEqual(
        [binding.metadata.name, binding.metadata.namespace, binding.spec.connectorNamespace, binding.spec.routingKey],
        ["backend", "example-west", "example-shop", "backend"],
    );
    return { connector, binding };
}

/** Asserts that each half is created with the named provider of the program. */
export function assertProviderPerHalf(creates: Planned[], connectorProvider: string, bindingProvider: string): void {
    const providerOf = (type: string) => creates.find((c) => c.type === type)?.provider ?? "";
    assert.match(providerOf(CONNECTOR), new RegExp(`pulumi:providers:kubernetes::${connectorProvider}::`));
    assert.match(providerOf(BINDING), new RegExp(`pulumi:providers:kubernetes::${bindingProvider}::`));
}

/** Asserts each team's half alone and a consumer's listener, as the examples' `halves` programs plan them. */
export function assertHalvesPlanned(creates: Planned[]): void {
    const of = (type: string) => creates.filter((c) => c.type === type).map((c) => c.inputs);
    for (const component of ["WorkloadHalf", "SiteHalf", "ConsumerListener"]) {
        assert.equal(of(`skupper:index:${component}`).length, 1, component);
    }
    const [connector] = of(CONNECTOR);
    const [binding] = of(BINDING);
    const [listener] = of("kubernetes:skupper.io/v2alpha1:Listener");
    assert.deepEqual(
        [
            connector.metadata.namespace,
            connector.spec.siteNamespace,
            binding.metadata.namespace,
            binding.spec.connectorNamespace,
        ],
        ["example-shop", "example-west", "example-west", "example-shop"],
    );
    for (const half of [connector, binding]) {
        assert.equal(half.metadata.annotations["pulumi.skupper.io/partner-declared-elsewhere"], "true");
    }
    assert.deepEqual(
        [listener.metadata.namespace, listener.spec.routingKey, listener.spec.host],
        ["example-east", "backend", "backend"],
    );
}
