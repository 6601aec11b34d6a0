// The plugin's entry point: serves AttachedConnectorPair to the Pulumi engine.
import { main } from "@pulumi/pulumi/provider";
import { SkupperComponentProvider } from "./componentProvider";

main(new SkupperComponentProvider(), process.argv.slice(2)).catch((err) => {
    console.error(err);
    process.exit(1);
});
