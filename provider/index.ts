// The package's public API: the component with its args and output types, the typed
// Skupper resources and the component's error. The validation rules and the shared
// constants are the subpaths "/validation" and "/constants" (see package.json "exports").
export { AttachedConnectorPair, AttachedConnectorPairArgs } from "./components/attachedConnectorPair";
export * from "./crds";
export { ArgumentsError } from "./validation/error";
