# Source me (or run me): the tools that validate infra/deploy without a Docker engine or a cluster.
#   - kustomize (go install, pinned) to render infra/deploy/kubernetes (base, pool overlays) as `kubectl apply -k`;
#   - kubeconform (go install, pinned) for the rendered Kubernetes manifests;
#   - the schemas it checks against, built offline from Go modules instead of its default GitHub download:
#     Kubernetes' OpenAPI document shipped in k8s.io/cli-runtime (artifacts/openapi/swagger.json: core/v1,
#     apps/v1, policy/v1, ...) and KEDA's CRDs (config/crd/bases) from github.com/kedacore/keda/v2;
#   - the Docker Compose v2 CLI plugin for `docker compose config` (needs no engine), built from its Go module
#     when `docker compose` is missing (it cannot be `go install`ed: its go.mod has exclude directives).
# Exports KT_KUSTOMIZE, KT_KUBECONFORM, KT_K8S_SWAGGER, KT_KEDA_CRDS, KT_COMPOSE (the compose command). Anything that cannot
# be had is left unset with a warning; the deployment tests then say exactly what is missing.
# Safe to source from scripts running with `set -euo pipefail`: never exits, never fails.

# v5.8.2: the newest release that builds with Go 1.26 (v5.8.3's go.mod asks for Go 1.27)
KT_KUSTOMIZE_VERSION="v5.8.2"
KT_KUBECONFORM_VERSION="v0.7.0"
KT_K8S_SCHEMA_MODULE="k8s.io/cli-runtime@v0.34.1"
KT_KEDA_MODULE="github.com/kedacore/keda/v2@v2.18.0"
KT_COMPOSE_MODULE="github.com/docker/compose/v2@v2.40.3"

kt_go_module_dir() {
  go mod download -json "$1" 2>/dev/null | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p'
}

kt_ensure_deploy_tools() {
  local gobin dir
  if ! command -v go >/dev/null 2>&1; then
    echo "WARNING: Go not found: kustomize, kubeconform, its schemas and the compose plugin cannot be installed." >&2
  else
    gobin="$(go env GOBIN 2>/dev/null || true)"
    [ -n "$gobin" ] || gobin="$(go env GOPATH 2>/dev/null || true)/bin"
    # reinstalled when the pin moves: a different kustomize may render the overlays differently
    if [ "$("$gobin/kustomize" version 2>/dev/null || true)" != "$KT_KUSTOMIZE_VERSION" ]; then
      echo "kustomize $KT_KUSTOMIZE_VERSION not found; installing: go install sigs.k8s.io/kustomize/kustomize/v5@$KT_KUSTOMIZE_VERSION"
      go install "sigs.k8s.io/kustomize/kustomize/v5@$KT_KUSTOMIZE_VERSION" || echo "WARNING: kustomize install failed" >&2
    fi
    if [ -x "$gobin/kustomize" ]; then export KT_KUSTOMIZE="$gobin/kustomize"; fi
    if [ ! -x "$gobin/kubeconform" ] && ! command -v kubeconform >/dev/null 2>&1; then
      echo "kubeconform not found; installing: go install github.com/yannh/kubeconform/cmd/kubeconform@$KT_KUBECONFORM_VERSION"
      go install "github.com/yannh/kubeconform/cmd/kubeconform@$KT_KUBECONFORM_VERSION" || echo "WARNING: kubeconform install failed" >&2
    fi
    if [ -x "$gobin/kubeconform" ]; then export KT_KUBECONFORM="$gobin/kubeconform"; fi
    dir="$(kt_go_module_dir "$KT_K8S_SCHEMA_MODULE")"
    if [ -n "$dir" ] && [ -f "$dir/artifacts/openapi/swagger.json" ]; then
      export KT_K8S_SWAGGER="$dir/artifacts/openapi/swagger.json"
    else
      echo "WARNING: could not download $KT_K8S_SCHEMA_MODULE for the Kubernetes schemas" >&2
    fi
    dir="$(kt_go_module_dir "$KT_KEDA_MODULE")"
    if [ -n "$dir" ] && [ -d "$dir/config/crd/bases" ]; then
      export KT_KEDA_CRDS="$dir/config/crd/bases"
    else
      echo "WARNING: could not download $KT_KEDA_MODULE for the KEDA CRD schemas" >&2
    fi
    if ! docker compose version >/dev/null 2>&1 && [ ! -x "$gobin/docker-compose" ]; then
      dir="$(kt_go_module_dir "$KT_COMPOSE_MODULE")"
      if [ -n "$dir" ]; then
        echo "docker compose not found; building the Compose CLI from $KT_COMPOSE_MODULE (a few minutes, once)"
        (cd "$dir" && go build -trimpath -ldflags "-X github.com/docker/compose/v2/internal.Version=${KT_COMPOSE_MODULE##*@}" \
          -o "$gobin/docker-compose" ./cmd) || echo "WARNING: building docker compose failed" >&2
      fi
    fi
    if [ -x "$gobin/docker-compose" ] && command -v docker >/dev/null 2>&1 && ! docker compose version >/dev/null 2>&1; then
      mkdir -p "$HOME/.docker/cli-plugins" && ln -sf "$gobin/docker-compose" "$HOME/.docker/cli-plugins/docker-compose"
    fi
  fi
  if docker compose version >/dev/null 2>&1; then
    export KT_COMPOSE="docker compose"
  elif [ -n "${gobin:-}" ] && [ -x "$gobin/docker-compose" ]; then
    export KT_COMPOSE="$gobin/docker-compose"
  fi
  echo "Deployment validation tools: kustomize=${KT_KUSTOMIZE:-missing} kubeconform=${KT_KUBECONFORM:-missing} k8s-schemas=${KT_K8S_SWAGGER:-missing} keda-crds=${KT_KEDA_CRDS:-missing} compose=${KT_COMPOSE:-missing}"
  return 0
}

kt_ensure_deploy_tools
