// An AttachedConnectorPair from Go: the workload in one namespace, the site in another.
package main

import (
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
	"github.com/skupper-pulumi/attached-connector/sdk/go/skupper"
)

func program(ctx *pulumi.Context) error {
	cfg := config.New(ctx, "")
	workloadNamespace := cfg.Get("workloadNamespace")
	if workloadNamespace == "" {
		workloadNamespace = "example-shop"
	}
	siteNamespace := cfg.Get("siteNamespace")
	if siteNamespace == "" {
		siteNamespace = "example-west"
	}
	pair, err := skupper.NewAttachedConnectorPair(ctx, "backend", &skupper.AttachedConnectorPairArgs{
		ConnectorNamespace: pulumi.String(workloadNamespace),
		SiteNamespace:      pulumi.String(siteNamespace),
		Port:               pulumi.Int(8080),
		Selector:           pulumi.String("app=backend"),
		RoutingKey:         pulumi.String("backend"),
	})
	if err != nil {
		return err
	}
	ctx.Export("objectName", pair.ObjectName)
	ctx.Export("routingKey", pair.RoutingKey)
	ctx.Export("ready", pair.Ready)
	ctx.Export("hasMatchingListener", pair.HasMatchingListener)
	return nil
}

func main() {
	pulumi.Run(program)
}
