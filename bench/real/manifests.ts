// The objects every variant of the real benchmark creates: N pairs named pair-<i>, each
// an AttachedConnector in the workload namespace and its binding in the site namespace,
// with the annotations the component sets (the binding waits, with the same timeout; the
// connector does not). The raw program and the kubectl manifests are these objects as
// they stand.
import { DEFAULT_TIMEOUT_SECONDS, waitFor } from "../../provider/halves";
import { providerAnnotations } from "../../provider/providerAnnotations";
import { SKUPPER_API_VERSION } from "../../provider/constants";
import { HalfKind } from "./watch";

/** Every workload namespace gets one Deployment with these labels; every pair selects it. */
export const WORKLOAD_LABELS = { app: "backend" };
export const SELECTOR = "app=backend";
export const PORT = 8080;

export interface Manifest {
    apiVersion: string;
    kind: HalfKind;
    metadata: { name: string; namespace: string; annotations: Record<string, string> };
    spec: Record<string, string | number>;
}

const pairName = (i: number) => `pair-${i}`;

const annotations = (kind: HalfKind, timeoutSeconds: number) =>
    providerAnnotations(kind === "AttachedConnector" ? "none" : { waitFor: waitFor(kind, {}), timeoutSeconds });

export function pairManifests(
    shop: string,
    west: string,
    n: number,
    timeoutSeconds = DEFAULT_TIMEOUT_SECONDS,
): { connector: Manifest; binding: Manifest }[] {
    return Array.from({ length: n }, (_, i) => {
        const name = pairName(i);
        return {
            connector: {
                apiVersion: SKUPPER_API_VERSION,
                kind: "AttachedConnector",
                metadata: { name, namespace: shop, annotations: annotations("AttachedConnector", timeoutSeconds) },
                spec: { siteNamespace: west, port: PORT, selector: SELECTOR },
            },
            binding: {
                apiVersion: SKUPPER_API_VERSION,
                kind: "AttachedConnectorBinding",
                metadata: {
                    name,
                    namespace: west,
                    annotations: annotations("AttachedConnectorBinding", timeoutSeconds),
                },
                spec: { connectorNamespace: shop, routingKey: name },
            },
        };
    });
}
