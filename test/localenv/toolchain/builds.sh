# The builds of the toolchain, sourced by install.sh (which sets the pins, $cache,
# $here and log/die): each build_* function builds one tool from its Go module at the
# pinned version into $cache/tools, moving its output into place only when it is done.

module_field() { # MODULE@VERSION FIELD: downloads the module, prints a field of `go mod download -json`
  go mod download -json "$1" | node -e \
    'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s)[process.argv[1]]))' "$2"
}

# Requires pulumi's pkg/v3 and sdk/v3 at the pinned version in the current wrapper module.
# pkg/v3's own go.mod points sdk/v3 at a sibling folder; repeat its non-local replaces.
require_pulumi_pkg() {
  grep -E '^replace .* => [^./]' "$(module_field "github.com/pulumi/pulumi/pkg/v3@$PULUMI_VERSION" GoMod)" >>go.mod || true
  go mod edit -require="github.com/pulumi/pulumi/pkg/v3@$PULUMI_VERSION" -require="github.com/pulumi/pulumi/sdk/v3@$PULUMI_VERSION"
}

wrapper_module() { # DIR MODULE_NAME: a throwaway module that requires the tool's module
  rm -rf "$1" && mkdir -p "$1"
  printf 'module %s\n\ngo 1.24\n' "$2" >"$1/go.mod"
}

# ---------------------------------------------------------------- pulumi CLI
build_pulumi() {
  local dir="$cache/build/pulumi-$PULUMI_VERSION" out="$cache/tools/pulumi-$PULUMI_VERSION"
  wrapper_module "$dir" toolchain/pulumi
  cd "$dir"
  require_pulumi_pkg
  go mod edit -tool=github.com/pulumi/pulumi/pkg/v3/cmd/pulumi
  go mod tidy
  mkdir -p "$out.tmp"
  go build -ldflags "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$PULUMI_VERSION" \
    -o "$out.tmp/pulumi" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi
  rm -rf "$out" && mv "$out.tmp" "$out"
}

# ------------------------------------------------------------------- sdkgen
# Our own small generator (localenv/toolchain/sdkgen) over Pulumi's code generators, at
# the pinned pulumi version; keyed by its source too, so that an edit rebuilds it.
SDKGEN_KEY=$PULUMI_VERSION-$(sha256sum "$root/scripts/sdkgen/main.go" | cut -c1-12)
build_sdkgen() {
  local dir="$cache/build/sdkgen-$SDKGEN_KEY" out="$cache/tools/sdkgen-$SDKGEN_KEY"
  wrapper_module "$dir" toolchain/sdkgen
  cd "$dir"
  cp "$root/scripts/sdkgen/main.go" .
  require_pulumi_pkg
  go mod tidy
  mkdir -p "$out.tmp"
  go build -o "$out.tmp/sdkgen" .
  rm -rf "$out" && mv "$out.tmp" "$out"
}

# ------------------------------------------------ pulumi-resource-kubernetes
build_kubernetes_provider() {
  local mod=${K8S_PROVIDER_MODULE%@*} modver=${K8S_PROVIDER_MODULE#*@}
  local src="$cache/build/pulumi-resource-kubernetes-$K8S_PROVIDER_VERSION"
  local out="$cache/tools/pulumi-resource-kubernetes-$K8S_PROVIDER_VERSION"
  local moddir
  moddir=$(module_field "$mod@$modver" Dir)
  rm -rf "$src" && cp -r "$moddir" "$src" && chmod -R u+w "$src"
  cd "$src"
  # The module zip lacks the generated embeds, and its go.mod points the SDK at a
  # sibling folder: use the published SDK of the same release instead.
  go mod edit -dropreplace=github.com/pulumi/pulumi-kubernetes/sdk/v4 \
    -replace="github.com/pulumi/pulumi-kubernetes/sdk/v4=github.com/pulumi/pulumi-kubernetes/sdk/v4@$K8S_PROVIDER_VERSION"
  go mod tidy
  (cd cmd/pulumi-resource-kubernetes && VERSION="${K8S_PROVIDER_VERSION#v}" go run generate.go)
  mkdir -p "$out.tmp"
  go build -ldflags "-X $mod/pkg/version.Version=${K8S_PROVIDER_VERSION#v}" \
    -o "$out.tmp/pulumi-resource-kubernetes" ./cmd/pulumi-resource-kubernetes
  rm -rf "$out" && mv "$out.tmp" "$out"
}

# ---------------------------------------------------------------------- etcd
build_etcd() {
  local dir="$cache/build/etcd-$ETCD_VERSION" out="$cache/tools/etcd-$ETCD_VERSION"
  wrapper_module "$dir" toolchain/etcd
  cd "$dir"
  # etcd's server module has no main package of its own outside the repository root.
  printf 'package main\n\nimport (\n\t"os"\n\n\t"go.etcd.io/etcd/server/v3/etcdmain"\n)\n\nfunc main() { etcdmain.Main(os.Args) }\n' >main.go
  go mod edit -require="go.etcd.io/etcd/server/v3@$ETCD_VERSION"
  go mod tidy
  mkdir -p "$out.tmp"
  go build -ldflags "-X go.etcd.io/etcd/api/v3/version.Version=${ETCD_VERSION#v}" -o "$out.tmp/etcd" .
  rm -rf "$out" && mv "$out.tmp" "$out"
}

# ------------ kube-apiserver, kube-controller-manager, kube-scheduler, kubectl
build_kubernetes() {
  local dir="$cache/build/kubernetes-$KUBERNETES_VERSION" out="$cache/tools/kubernetes-$KUBERNETES_VERSION"
  local staging=v0.${KUBERNETES_VERSION#v1.}
  wrapper_module "$dir" toolchain/kubernetes
  cd "$dir"
  local kmod
  kmod=$(module_field "k8s.io/kubernetes@$KUBERNETES_VERSION" GoMod)
  # k8s.io/kubernetes points every staging module at a folder of its own repository;
  # the published k8s.io/* modules of the same release are the same code.
  local m
  for m in $(grep -oE 'k8s.io/[a-z0-9-]+ => ./staging' "$kmod" | cut -d' ' -f1); do
    go mod edit -replace="$m=$m@$staging"
  done
  go mod edit -require="k8s.io/kubernetes@$KUBERNETES_VERSION" \
    -tool=k8s.io/kubernetes/cmd/kube-apiserver -tool=k8s.io/kubernetes/cmd/kube-controller-manager \
    -tool=k8s.io/kubernetes/cmd/kube-scheduler -tool=k8s.io/kubernetes/cmd/kubectl
  go mod tidy
  local minor=${KUBERNETES_VERSION#v1.}; minor=${minor%%.*}
  local v=k8s.io/component-base/version
  mkdir -p "$out.tmp"
  go build -ldflags "-X $v.gitVersion=$KUBERNETES_VERSION -X $v.gitMajor=1 -X $v.gitMinor=$minor -X $v.gitTreeState=clean" \
    -o "$out.tmp/" k8s.io/kubernetes/cmd/kube-apiserver k8s.io/kubernetes/cmd/kube-controller-manager \
    k8s.io/kubernetes/cmd/kube-scheduler k8s.io/kubernetes/cmd/kubectl
  rm -rf "$out" && mv "$out.tmp" "$out"
}

# go_install_tool MODULE@VERSION MAIN_PACKAGE OUT_DIR [LDFLAGS]: builds a main package of a
# module that builds as published (no replace lines) in a wrapper module.
go_install_tool() {
  local module=$1 main=$2 out=$3 ldflags=${4:-}
  local name=${main##*/}
  local dir="$cache/build/$name-${module#*@}"
  wrapper_module "$dir" "toolchain/$name"
  cd "$dir"
  go mod edit -require="$module" -tool="$main"
  go mod tidy
  mkdir -p "$out.tmp"
  go build -ldflags "$ldflags" -o "$out.tmp/$name" "$main"
  rm -rf "$out" && mv "$out.tmp" "$out"
}

# ---------------------------------------------------------------------- kwok
# kwok plays the kubelets: it runs a fake Node and reports scheduled Pods Running and Ready.
build_kwok() {
  go_install_tool "$KWOK_MODULE" "${KWOK_MODULE%@*}/cmd/kwok" "$cache/tools/kwok-$KWOK_VERSION"
}

# ------------------------------------------------------- pulumi-language-yaml
build_pulumi_yaml() {
  local mod=${PULUMI_YAML_MODULE%@*}
  go_install_tool "$PULUMI_YAML_MODULE" "$mod/cmd/pulumi-language-yaml" "$cache/tools/pulumi-language-yaml-$PULUMI_YAML_VERSION" \
    "-X $mod/pkg/version.Version=$PULUMI_YAML_VERSION"
}

# --------------------------------------------------------- skupper controller
build_skupper() {
  local mod=${SKUPPER_MODULE%@*} ver=${SKUPPER_MODULE#*@}
  local dir="$cache/build/skupper-$ver" out="$cache/tools/skupper-$ver"
  wrapper_module "$dir" toolchain/skupper
  cd "$dir"
  go mod edit -require="$mod@$ver" -tool="$mod/cmd/controller"
  go mod tidy
  mkdir -p "$out.tmp"
  go build -o "$out.tmp/controller" "$mod/cmd/controller"
  local crds
  crds=$(go list -m -f '{{.Dir}}' "$mod")/config/crd/bases
  mkdir -p "$out.tmp/crds" && cp "$crds"/*.yaml "$out.tmp/crds/"
  rm -rf "$out" && mv "$out.tmp" "$out"
}
