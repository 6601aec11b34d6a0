// The error hook of a component's halves (see diagnosis/diagnoseHalves.ts), told which halves this
// process can read in the cluster: those created through the default provider's cluster.
import * as pulumi from "@pulumi/pulumi";
import { ATTACHED_CONNECTOR_TYPE } from "../constants";
import { underRealEngine } from "../diagnosis/defaultCluster";
import { diagnoseHalves } from "../diagnosis/diagnoseHalves";
import { HalfKind } from "../halves";

/** Hook names are one namespace per stack: components of one name but of other types (or parents) need others. */
const hookNames = new Set<string>();

function uniqueHookName(base: string): string {
    let name = base;
    for (let n = 2; hookNames.has(name); n++) name = `${base}-${n}`;
    hookNames.add(name);
    return name;
}

/**
 * The halves this process can read in the cluster, with the default provider's
 * credentials: those created through it, under a real engine. `ownProvider` names the
 * halves given a provider of their own.
 */
export function readableHalves(
    component: pulumi.ComponentResource,
    ownProvider: Partial<Record<HalfKind, unknown>> = {},
): Record<HalfKind, boolean> {
    const viaDefault = component.getProvider(ATTACHED_CONNECTOR_TYPE) === undefined && underRealEngine();
    return {
        AttachedConnector: viaDefault && ownProvider.AttachedConnector === undefined,
        AttachedConnectorBinding: viaDefault && ownProvider.AttachedConnectorBinding === undefined,
    };
}

/** The `hooks` option for the halves; `ownProvider` names the halves given a provider of their own. */
export function halfHooks(
    component: pulumi.ComponentResource & { constructor: { __pulumiType?: string } },
    name: string,
    ownProvider: Partial<Record<HalfKind, unknown>> = {},
): pulumi.ResourceHookBinding | undefined {
    const type = component.constructor.__pulumiType?.split(":").pop() ?? "component";
    const hook = diagnoseHalves(uniqueHookName(`${type}-${name}-diagnosis`), readableHalves(component, ownProvider));
    return hook ? { onError: [hook] } : undefined;
}
