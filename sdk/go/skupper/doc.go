// Skupper attached connectors: an AttachedConnector and its AttachedConnectorBinding as one consistent, awaited pair.
package skupper
