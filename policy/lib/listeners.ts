// Reading Skupper Listeners, which consume a routing key in a consuming site's namespace
// (spec: routingKey, host, port, tlsCredentials, type), the same lazy way as the halves.
import { LISTENER_TYPE } from "@skupper-pulumi/attached-connector/constants";
import { PolicyInput, readAs, SkupperObject } from "./objects";

export type Listener = SkupperObject<"Listener">;

export function readListener(resource: PolicyInput): Listener | undefined {
    return resource.type === LISTENER_TYPE ? readAs(resource, "Listener") : undefined;
}
