#!/usr/bin/env bash
# Provides the pinned binaries the end-to-end tier and the demo need, building each
# from Go modules into a per-user cache keyed by version. Idempotent and resumable:
# a finished binary is reused, an interrupted build restarts from Go's own caches.
# Runs on one machine share the cache: one builds a tool, the others wait for it and
# reuse it (provide.sh).
#
# The pins live in package.json ("dependencies" for the npm packages whose engine and
# provider must match, "toolchain" for the rest).
#
# Usage: localenv/toolchain/install.sh
#   Progress goes to stderr. The last line on stdout is the toolchain folder: its
#   bin/ holds every tool (put it first on PATH).
#
# Environment:
#   SKUPPER_PULUMI_CACHE   cache root (default: ${XDG_CACHE_HOME:-~/.cache}/skupper-pulumi)
#   PULUMI, PULUMI_RESOURCE_KUBERNETES, ETCD, KUBE_APISERVER, KUBE_CONTROLLER_MANAGER,
#   KUBE_SCHEDULER, KUBECTL, KWOK, PULUMI_LANGUAGE_YAML
#                          use this binary instead, if it is at the pinned version (a
#                          binary of that name on PATH is used the same way)
#   (SKUPPER_CONTROLLER and SKUPPER_CRDS, a Skupper controller built elsewhere and the
#   folder of its CRDs, are read by the environment, not here: see toolchain.ts)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../../.." && pwd)
cache=${SKUPPER_PULUMI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/skupper-pulumi}
mkdir -p "$cache/logs" "$cache/build" "$cache/tools"

pin() { node -p "const p=require('$root/package.json'); $1"; }
PULUMI_VERSION=v$(pin 'p.devDependencies["@pulumi/pulumi"]')
K8S_PROVIDER_VERSION=v$(pin 'p.devDependencies["@pulumi/kubernetes"]')
K8S_PROVIDER_MODULE=$(pin 'p.toolchain.kubernetesProviderModule')
KUBERNETES_VERSION=$(pin 'p.toolchain.kubernetes')
ETCD_VERSION=$(pin 'p.toolchain.etcd')
SKUPPER_MODULE=$(pin 'p.toolchain.skupperModule')
PULUMI_YAML_MODULE=$(pin 'p.toolchain.pulumiYamlModule')
PULUMI_YAML_VERSION=${PULUMI_YAML_MODULE#*@}
KWOK_MODULE=$(pin 'p.toolchain.kwokModule')
KWOK_VERSION=${KWOK_MODULE#*@}

# One folder per set of pins; its bin/ is laid out as the Automation API expects a
# pulumi installation to be.
toolchain="$cache/toolchains/pulumi-$PULUMI_VERSION.k8s-$KUBERNETES_VERSION.etcd-$ETCD_VERSION"
bindir="$toolchain/bin"
mkdir -p "$bindir"

log() { printf '[toolchain %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# Progress: each step of the toolchain is announced as [n/N].
STEPS=14
step_number=0
step() { step_number=$((step_number + 1)); log "[$step_number/$STEPS] $*"; }
die() { log "ERROR: $*"; exit 1; }

command -v go >/dev/null || die "Go is required (go1.24 or later) to build the toolchain"
export GOFLAGS=${GOFLAGS:--buildvcs=false} GOTOOLCHAIN=${GOTOOLCHAIN:-local}

# reports_version BINARY VERSION ARGS...: whether `BINARY ARGS...` prints the version; with
# ARGS `--go-module MODULE`, whether the Go binary was built from MODULE at that version
# (for tools that print no version).
reports_version() {
  local candidate=$1 want=$2; shift 2
  if [ "$1" = --go-module ]; then
    go version -m "$candidate" 2>/dev/null |
      awk -v m="$2" -v v="$want" '($1 == "mod" || $1 == "dep") && $2 == m && $3 == v { found = 1 } END { exit !found }'
  else
    timeout 10 "$candidate" "$@" 2>/dev/null </dev/null | grep -qF -- "$want"
  fi
}

# use_existing NAME ENVVAR VERSION ARGS...: link a binary named by ENVVAR, or found on
# PATH, when it is at the pinned version (see reports_version).
use_existing() {
  local name=$1 var=$2 want=$3; shift 3
  [ $# -gt 0 ] || return 1 # no way to ask the binary its version
  local candidate=${!var:-}
  [ -n "$candidate" ] || candidate=$(command -v "$name" 2>/dev/null || true)
  [ -n "$candidate" ] && [ -x "$candidate" ] || return 1
  [ "$(readlink -f "$candidate")" = "$(readlink -f "$bindir/$name" 2>/dev/null)" ] && return 1
  if reports_version "$candidate" "$want" "$@"; then
    ln -sfn "$(readlink -f "$candidate")" "$bindir/$name"
    log "$name: using $candidate ($want)"
    return 0
  fi
  return 1
}

# One builder per tool across the runs that share the cache (provide_tool), and a build
# that stops at its first failed step (run_logged).
# shellcheck source=provide.sh
source "$here/provide.sh"

# How each tool is built from its Go module (build_* functions and their helpers).
# shellcheck source=builds.sh
source "$here/builds.sh"

# provide NAME ENVVAR VERSION BUILT_PATH BUILD_FN COLD [VERSION_ARGS...]: one step of the
# toolchain; COLD says how long a cold build takes (empty Go caches, two cores).
provide() {
  local name=$1 var=$2 version=$3 built=$4 fn=$5 cold=$6; shift 6
  step "$name $version (cold build: $cold)"
  if use_existing "$name" "$var" "$version" "$@"; then return; fi
  local folder=${built%/*}
  provide_tool "${folder##*/}" "$built" run_logged "$name-$version" "$fn"
  ln -sfn "$built" "$bindir/$name"
  log "$name $version: $built"
}

provide pulumi PULUMI "$PULUMI_VERSION" "$cache/tools/pulumi-$PULUMI_VERSION/pulumi" build_pulumi "about 6 min" version
provide pulumi-resource-kubernetes PULUMI_RESOURCE_KUBERNETES "${K8S_PROVIDER_VERSION#v}" \
  "$cache/tools/pulumi-resource-kubernetes-$K8S_PROVIDER_VERSION/pulumi-resource-kubernetes" \
  build_kubernetes_provider "about 11 min" -version
provide etcd ETCD "${ETCD_VERSION#v}" "$cache/tools/etcd-$ETCD_VERSION/etcd" build_etcd "under 1 min" --version
provide kube-apiserver KUBE_APISERVER "$KUBERNETES_VERSION" \
  "$cache/tools/kubernetes-$KUBERNETES_VERSION/kube-apiserver" build_kubernetes "about 6 min" --version
provide kube-controller-manager KUBE_CONTROLLER_MANAGER "$KUBERNETES_VERSION" \
  "$cache/tools/kubernetes-$KUBERNETES_VERSION/kube-controller-manager" build_kubernetes "none, built with kube-apiserver" --version
provide kube-scheduler KUBE_SCHEDULER "$KUBERNETES_VERSION" \
  "$cache/tools/kubernetes-$KUBERNETES_VERSION/kube-scheduler" build_kubernetes "none, built with kube-apiserver" --version
provide kubectl KUBECTL "$KUBERNETES_VERSION" \
  "$cache/tools/kubernetes-$KUBERNETES_VERSION/kubectl" build_kubernetes "none, built with kube-apiserver" version --client
provide kwok KWOK "$KWOK_VERSION" "$cache/tools/kwok-$KWOK_VERSION/kwok" build_kwok "about 1 min after Kubernetes, 6 alone" --version

provide sdkgen SDKGEN "$SDKGEN_KEY" "$cache/tools/sdkgen-$SDKGEN_KEY/sdkgen" build_sdkgen "under 1 min after pulumi"
# The Kubernetes package's schema, which the SDKs of the component refer to.
ln -sfn "$(module_field "$K8S_PROVIDER_MODULE" Dir)/cmd/pulumi-resource-kubernetes/schema.json" \
  "$toolchain/kubernetes-schema.json"

# kwok's own stage definitions (how a fake Node and its Pods move through their
# lifecycle), from the same module version as the binary.
ln -sfn "$(module_field "$KWOK_MODULE" Dir)/kustomize/stage" "$toolchain/kwok-stages"

provide pulumi-language-yaml PULUMI_LANGUAGE_YAML "$PULUMI_YAML_VERSION" \
  "$cache/tools/pulumi-language-yaml-$PULUMI_YAML_VERSION/pulumi-language-yaml" build_pulumi_yaml "about 1 min" \
  --go-module "${PULUMI_YAML_MODULE%@*}"

# The Python SDKs the Python example and its tests import, at the npm pins' versions.
venv="$cache/python/pulumi-$PULUMI_VERSION.k8s-$K8S_PROVIDER_VERSION"
step "python: pulumi ${PULUMI_VERSION#v} and pulumi-kubernetes ${K8S_PROVIDER_VERSION#v} (first install: about 1 min)"
install_python() {
  log "python: installing into $venv"
  rm -rf "$venv" && python3 -m venv "$venv"
  "$venv/bin/pip" install "pulumi==${PULUMI_VERSION#v}" "pulumi-kubernetes==${K8S_PROVIDER_VERSION#v}" \
    >"$cache/logs/python.log" 2>&1 || die "python: pip install failed, see $cache/logs/python.log"
  touch "$venv/.complete"
}
provide_tool "python-${venv##*/}" "$venv/.complete" install_python
ln -sfn "$venv" "$toolchain/python"
log "python: $venv"

# The Skupper controller from its Go module, where the module proxy serves it. A
# controller built elsewhere (SKUPPER_CONTROLLER, SKUPPER_CRDS) is not linked here: the
# toolchain folder is shared by every run, the variables belong to one.
skupper_ver=${SKUPPER_MODULE#*@}
skupper_built="$cache/tools/skupper-$skupper_ver"
step "skupper-controller $skupper_ver"
if [ -x "$skupper_built/controller" ] || go mod download "$SKUPPER_MODULE" >"$cache/logs/skupper-download.log" 2>&1; then
  provide_tool "${skupper_built##*/}" "$skupper_built/controller" run_logged "skupper-controller-$skupper_ver" build_skupper
  ln -sfn "$skupper_built/controller" "$bindir/skupper-controller"
  ln -sfn "$skupper_built/crds" "$toolchain/skupper-crds"
  log "skupper-controller $skupper_ver: $skupper_built/controller"
else
  rm -f "$bindir/skupper-controller" "$toolchain/skupper-crds"
  log "skupper-controller: the Go module proxy refuses $SKUPPER_MODULE"
  log "  ($(grep -m1 -o 'server response:.*' "$cache/logs/skupper-download.log" || tail -n 1 "$cache/logs/skupper-download.log"))"
  if [ -n "${SKUPPER_CONTROLLER:-}" ]; then log "  the environment uses SKUPPER_CONTROLLER=$SKUPPER_CONTROLLER"
  else log "  the environment emulates Skupper unless SKUPPER_CONTROLLER and SKUPPER_CRDS name a controller built elsewhere"; fi
fi

# Pulumi runs a Node.js policy pack through this plugin when no Node.js language host
# is installed: it starts the pack with the @pulumi/pulumi of the pack's own folder.
step "pulumi-analyzer-policy-nodejs"
cat >"$bindir/pulumi-analyzer-policy-nodejs" <<'SH'
#!/bin/sh
exec node ./node_modules/@pulumi/pulumi/cmd/run-policy-pack "$@"
SH
chmod +x "$bindir/pulumi-analyzer-policy-nodejs"

# Install the provider as a plugin at the npm package's version, so the engine uses it
# without trying to download one.
step "the kubernetes ${K8S_PROVIDER_VERSION#v} resource plugin in pulumi's plugin folder"
if ! PULUMI_SKIP_UPDATE_CHECK=true "$bindir/pulumi" plugin ls 2>/dev/null | \
     grep -qE "^kubernetes +resource +${K8S_PROVIDER_VERSION#v} "; then
  log "installing the kubernetes ${K8S_PROVIDER_VERSION#v} resource plugin"
  PULUMI_SKIP_UPDATE_CHECK=true "$bindir/pulumi" plugin install resource kubernetes "$K8S_PROVIDER_VERSION" \
    --file "$bindir/pulumi-resource-kubernetes" >&2
fi

log "toolchain ready in $toolchain"
echo "$toolchain"
