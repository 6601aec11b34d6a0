"""A Python program that gives each half of the pair its own Kubernetes provider."""
import os

import pulumi_kubernetes as k8s
import pulumi_skupper as skupper


def program() -> None:
    kubeconfig = open(os.environ["KUBECONFIG"]).read()
    skupper.AttachedConnectorPair(
        "backend",
        connector_namespace="example-shop",
        site_namespace="example-west",
        port=8080,
        selector="app=backend",
        connector_provider=k8s.Provider("workload-team", kubeconfig=kubeconfig),
        binding_provider=k8s.Provider("site-team", kubeconfig=kubeconfig),
    )


def bad_port() -> None:
    skupper.AttachedConnectorPair(
        "backend", connector_namespace="example-shop", site_namespace="example-west", port=70000, selector="app=backend")


def pair_without_site() -> None:
    """A pair whose site namespace (PAIR_WEST, like PAIR_SHOP made by the test) has no Skupper Site."""
    skupper.AttachedConnectorPair(
        "backend", connector_namespace=os.environ["PAIR_SHOP"], site_namespace=os.environ["PAIR_WEST"],
        port=8080, selector="app=backend", timeout_seconds=10)


def halves() -> None:
    """Each team's half and a consumer's listener, as three stacks would declare them."""
    skupper.WorkloadHalf("backend", connector_namespace="example-shop", site_namespace="example-west",
                         port=8080, selector="app=backend")
    skupper.SiteHalf("backend", site_namespace="example-west", connector_namespace="example-shop")
    skupper.ConsumerListener("backend", namespace="example-east", routing_key="backend", port=8080)
