package main

// Previews the example with the real engine through the Automation API, which hosts
// the program in this process (no Go language host needed). Run by the end-to-end tier
// with PREVIEW_WORK_DIR and PULUMI_ROOT set; it prints what the preview plans to
// create as one JSON line, prefixed with "planned: ".

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"github.com/pulumi/pulumi-kubernetes/sdk/v4/go/kubernetes"
	"github.com/pulumi/pulumi/sdk/v3/go/auto"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/events"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optpreview"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/skupper-pulumi/attached-connector/sdk/go/skupper"
)

type planned struct {
	Type     string         `json:"type"`
	Inputs   map[string]any `json:"inputs"`
	Provider string         `json:"provider"`
}

// withProviders gives each half of the pair its own Kubernetes provider.
func withProviders(ctx *pulumi.Context) error {
	kubeconfig, err := os.ReadFile(os.Getenv("KUBECONFIG"))
	if err != nil {
		return err
	}
	workloadTeam, err := kubernetes.NewProvider(ctx, "workload-team", &kubernetes.ProviderArgs{Kubeconfig: pulumi.String(string(kubeconfig))})
	if err != nil {
		return err
	}
	siteTeam, err := kubernetes.NewProvider(ctx, "site-team", &kubernetes.ProviderArgs{Kubeconfig: pulumi.String(string(kubeconfig))})
	if err != nil {
		return err
	}
	_, err = skupper.NewAttachedConnectorPair(ctx, "backend", &skupper.AttachedConnectorPairArgs{
		ConnectorNamespace: pulumi.String("example-shop"),
		SiteNamespace:      pulumi.String("example-west"),
		Port:               pulumi.Int(8080),
		Selector:           pulumi.String("app=backend"),
		ConnectorProvider:  workloadTeam,
		BindingProvider:    siteTeam,
	})
	return err
}

// halves declares each team's half and a consumer's listener, as three stacks would.
func halves(ctx *pulumi.Context) error {
	if _, err := skupper.NewWorkloadHalf(ctx, "backend", &skupper.WorkloadHalfArgs{
		ConnectorNamespace: pulumi.String("example-shop"),
		SiteNamespace:      pulumi.String("example-west"),
		Port:               pulumi.Int(8080),
		Selector:           pulumi.String("app=backend"),
	}); err != nil {
		return err
	}
	if _, err := skupper.NewSiteHalf(ctx, "backend", &skupper.SiteHalfArgs{
		SiteNamespace:      pulumi.String("example-west"),
		ConnectorNamespace: pulumi.String("example-shop"),
	}); err != nil {
		return err
	}
	_, err := skupper.NewConsumerListener(ctx, "backend", &skupper.ConsumerListenerArgs{
		Namespace:  pulumi.String("example-east"),
		RoutingKey: pulumi.String("backend"),
		Port:       pulumi.Int(8080),
	})
	return err
}

func TestPreview(t *testing.T) {
	workDir, root := os.Getenv("PREVIEW_WORK_DIR"), os.Getenv("PULUMI_ROOT")
	if workDir == "" || root == "" {
		t.Fatal("PREVIEW_WORK_DIR and PULUMI_ROOT must be set (the end-to-end tier sets them)")
	}
	programs := map[string]pulumi.RunFunc{"example": program, "providers": withProviders, "halves": halves}
	run, ok := programs[os.Getenv("PREVIEW_PROGRAM")]
	if !ok {
		t.Fatalf("PREVIEW_PROGRAM must be one of example, providers, halves")
	}
	ctx := context.Background()
	cmd, err := auto.NewPulumiCommand(&auto.PulumiCommandOptions{Root: root, SkipVersionCheck: true})
	if err != nil {
		t.Fatal(err)
	}
	stack, err := auto.UpsertStackInlineSource(ctx, "go", "skupper-go-e2e", run, auto.WorkDir(workDir), auto.Pulumi(cmd))
	if err != nil {
		t.Fatal(err)
	}
	stream := make(chan events.EngineEvent)
	var creates []planned
	done := make(chan struct{})
	go func() {
		for e := range stream {
			if pre := e.ResourcePreEvent; pre != nil && pre.Metadata.Op == "create" && pre.Metadata.New != nil {
				creates = append(creates, planned{pre.Metadata.Type, pre.Metadata.New.Inputs, pre.Metadata.New.Provider})
			}
		}
		close(done)
	}()
	_, err = stack.Preview(ctx, optpreview.EventStreams(stream))
	<-done
	if err != nil {
		t.Fatal(err)
	}
	out, _ := json.Marshal(creates)
	fmt.Printf("planned: %s\n", out)
}
