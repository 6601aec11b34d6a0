export * from "./skupperResource";
export * from "./attachedConnector";
export * from "./attachedConnectorBinding";
export * from "./site";
export * from "./listener";
export * from "./connector";
