// sdkgen writes the SDK of a Pulumi package schema for one language with Pulumi's own
// code generators (the ones the language hosts run for `pulumi package gen-sdk`), for
// machines where those language hosts cannot be installed. Dependencies of the schema
// are bound from their schema files, so no plugin needs to run.
//
// Usage: sdkgen -schema schema.json -dependency kubernetes=path/to/schema.json -language python -out dir
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/blang/semver"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"

	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	"github.com/pulumi/pulumi/pkg/v3/codegen/nodejs"
	"github.com/pulumi/pulumi/pkg/v3/codegen/python"
)

type dependencies map[string]string

func (d dependencies) String() string { return fmt.Sprint(map[string]string(d)) }

func (d dependencies) Set(value string) error {
	name, path, ok := strings.Cut(value, "=")
	if !ok {
		return fmt.Errorf("expected name=path, got %q", value)
	}
	d[name] = path
	return nil
}

// fileLoader serves the packages bound from the given schema files, whatever version
// is asked for (a schema file describes one version); anything else is an error.
type fileLoader map[string]schema.PackageReference

func (l fileLoader) LoadPackage(pkg string, version *semver.Version) (*schema.Package, error) {
	ref, err := l.LoadPackageReference(pkg, version)
	if err != nil {
		return nil, err
	}
	return ref.Definition()
}

func (l fileLoader) LoadPackageV2(_ context.Context, d *schema.PackageDescriptor) (*schema.Package, error) {
	return l.LoadPackage(d.Name, d.Version)
}

func (l fileLoader) LoadPackageReference(pkg string, version *semver.Version) (schema.PackageReference, error) {
	if ref, ok := l[pkg]; ok {
		return ref, nil
	}
	return nil, fmt.Errorf("package %s %v was not given with -dependency", pkg, version)
}

func (l fileLoader) LoadPackageReferenceV2(_ context.Context, d *schema.PackageDescriptor) (schema.PackageReference, error) {
	return l.LoadPackageReference(d.Name, d.Version)
}

func readSpec(path string) (schema.PackageSpec, error) {
	var spec schema.PackageSpec
	data, err := os.ReadFile(path)
	if err == nil {
		err = json.Unmarshal(data, &spec)
	}
	return spec, err
}

func run() error {
	deps := dependencies{}
	schemaPath := flag.String("schema", "", "the package schema")
	language := flag.String("language", "", "nodejs, python or go")
	out := flag.String("out", "", "the folder to write the SDK to (replaced)")
	flag.Var(deps, "dependency", "name=path of a dependency's schema (repeatable)")
	flag.Parse()

	loader := fileLoader{}
	for name, path := range deps {
		spec, err := readSpec(path)
		if err != nil {
			return fmt.Errorf("reading %s: %w", path, err)
		}
		pkg, diags, err := schema.BindSpec(spec, loader, schema.ValidationOptions{})
		if err != nil || diags.HasErrors() {
			return fmt.Errorf("binding %s: %v %v", name, err, diags)
		}
		loader[name] = pkg.Reference()
	}

	spec, err := readSpec(*schemaPath)
	if err != nil {
		return fmt.Errorf("reading %s: %w", *schemaPath, err)
	}
	pkg, diags, err := schema.BindSpec(spec, loader, schema.ValidationOptions{})
	if err != nil || diags.HasErrors() {
		return fmt.Errorf("binding %s: %v %v", *schemaPath, err, diags)
	}

	var files map[string][]byte
	switch *language {
	case "nodejs":
		files, err = nodejs.GeneratePackage("pulumi-language-nodejs", pkg, nil, nil, false, loader)
	case "python":
		files, err = python.GeneratePackage("pulumi-language-python", pkg, nil, loader)
	case "go":
		files, err = gogen.GeneratePackage("pulumi-language-go", pkg, nil)
	default:
		return fmt.Errorf("unsupported -language %q", *language)
	}
	if err != nil {
		return fmt.Errorf("generating the %s SDK: %w", *language, err)
	}

	if err := os.RemoveAll(*out); err != nil {
		return err
	}
	for name, content := range files {
		path := filepath.Join(*out, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, content, 0o644); err != nil {
			return err
		}
	}
	return nil
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "sdkgen:", err)
		os.Exit(1)
	}
}
