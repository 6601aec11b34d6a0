// The typed Skupper resources of the public API, with the types of their args and status.
export type { Condition, SkupperResourceArgs, SkupperStatus } from "./skupperResource";
export * from "./attachedConnector";
export * from "./attachedConnectorBinding";
export * from "./site";
export * from "./listener";
export * from "./connector";
export * from "./links";
