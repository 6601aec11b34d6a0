export { AttachedConnectorPair, AttachedConnectorPairArgs } from "./attachedConnectorPair";
export * from "./crds";
export { PairArgumentsError } from "./validation/error";
export * as rules from "./validation/rules";
