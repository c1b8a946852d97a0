# Source me (or run me): makes sure the `temporal` CLI is available for the local Temporal dev server.
# Prints its path and exports KT_TEMPORAL_CLI (read by the launcher). When missing and Go is installed, installs it
# with `go install`; when that fails too, warns and carries on: the launcher then falls back to the Java test server.
# Safe to source from scripts running with `set -euo pipefail`: never exits, never fails.

KT_TEMPORAL_CLI_VERSION="v1.5.1"

kt_find_temporal_cli() {
  local gobin=""
  if command -v temporal >/dev/null 2>&1; then
    command -v temporal
    return 0
  fi
  if command -v go >/dev/null 2>&1; then
    gobin="$(go env GOBIN 2>/dev/null || true)"
    [ -n "$gobin" ] || gobin="$(go env GOPATH 2>/dev/null || true)/bin"
    if [ -x "$gobin/temporal" ]; then echo "$gobin/temporal"; return 0; fi
  fi
  local place
  for place in "$HOME/go/bin/temporal" "$HOME/.temporalio/bin/temporal"; do
    if [ -x "$place" ]; then echo "$place"; return 0; fi
  done
  return 1
}

kt_ensure_temporal_cli() {
  local cli=""
  cli="$(kt_find_temporal_cli || true)"
  if [ -z "$cli" ] && command -v go >/dev/null 2>&1; then
    echo "temporal CLI not found; installing it with: go install github.com/temporalio/cli/cmd/temporal@$KT_TEMPORAL_CLI_VERSION"
    if go install "github.com/temporalio/cli/cmd/temporal@$KT_TEMPORAL_CLI_VERSION"; then
      cli="$(kt_find_temporal_cli || true)"
    fi
  fi
  if [ -n "$cli" ]; then
    export KT_TEMPORAL_CLI="$cli"
    echo "Using Temporal CLI: $cli"
  else
    echo "WARNING: temporal CLI unavailable (no Go, or go install failed)." >&2
    echo "WARNING: the local stack will use the Java test server: workflows in memory only, no Web UI." >&2
  fi
  return 0
}

kt_ensure_temporal_cli
