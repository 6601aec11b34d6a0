package main

// Runs `pulumi up` of the Go example's program (main.go beside this file, in a fresh
// module) through the Automation API, which hosts the program in this process: the
// stand-in for `pulumi up` on a machine without the Go language host. Prints the
// stack's outputs as one JSON line, prefixed with "outputs: ".
//
// Environment: UP_STACK, PULUMI_ROOT, UP_CONFIG (a JSON object of config values).

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/auto"
)

func TestUp(t *testing.T) {
	ctx := context.Background()
	cmd, err := auto.NewPulumiCommand(&auto.PulumiCommandOptions{Root: os.Getenv("PULUMI_ROOT"), SkipVersionCheck: true})
	if err != nil {
		t.Fatal(err)
	}
	workDir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	stack, err := auto.UpsertStackInlineSource(ctx, os.Getenv("UP_STACK"), "skupper-attached-connector-go", program,
		auto.WorkDir(workDir), auto.Pulumi(cmd))
	if err != nil {
		t.Fatal(err)
	}
	var config map[string]string
	if err := json.Unmarshal([]byte(os.Getenv("UP_CONFIG")), &config); err != nil {
		t.Fatalf("UP_CONFIG: %v; expected a JSON object of strings", err)
	}
	for key, value := range config {
		if err := stack.SetConfig(ctx, key, auto.ConfigValue{Value: value}); err != nil {
			t.Fatal(err)
		}
	}
	result, err := stack.Up(ctx)
	if err != nil {
		t.Fatal(err)
	}
	outputs := map[string]any{}
	for key, output := range result.Outputs {
		outputs[key] = output.Value
	}
	line, _ := json.Marshal(outputs)
	fmt.Printf("outputs: %s\n", line)
}
