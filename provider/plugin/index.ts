// The plugin's entry point: serves the components to the Pulumi engine.
import { main } from "@pulumi/pulumi/provider";
// Loaded for its side effect: it registers the kubernetes package, so that a provider
// another program passes (connectorProvider, bindingProvider) arrives as a Provider
// resource rather than as a bare ID.
import "@pulumi/kubernetes";
import { SkupperComponentProvider } from "./skupperComponentProvider";

main(new SkupperComponentProvider(), process.argv.slice(2)).catch((err) => {
    console.error(err);
    process.exit(1);
});
