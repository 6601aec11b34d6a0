"""An AttachedConnectorPair from Python: the workload in one namespace, the site in another."""
import pulumi
import pulumi_skupper as skupper


def program() -> None:
    config = pulumi.Config()
    pair = skupper.AttachedConnectorPair(
        "backend",
        connector_namespace=config.get("workloadNamespace") or "example-shop",
        site_namespace=config.get("siteNamespace") or "example-west",
        port=8080,
        selector="app=backend",
        routing_key="backend",
    )
    pulumi.export("objectName", pair.object_name)
    pulumi.export("routingKey", pair.routing_key)
    pulumi.export("ready", pair.ready)
    pulumi.export("hasMatchingListener", pair.has_matching_listener)
