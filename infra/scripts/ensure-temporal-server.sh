# Source me (or run me): makes sure the Temporal server binaries of the server mode (KT_TEMPORAL_MODE=server or
# cluster) are built: temporal-server and temporal-sql-tool from go.temporal.io/server (the server version the
# Temporal CLI v1.5.1 embeds) and temporal-ui-server from github.com/temporalio/ui-server/v2 (the UI it embeds).
# Both main packages are `cmd/server`, so each is installed into a scratch GOBIN and renamed. Built once per
# machine into KT_TEMPORAL_SERVER_HOME (default ~/.cache/kt-event-marketing/temporal-server-<version>), then
# found there; exports KT_TEMPORAL_SERVER_HOME (read by TemporalServerBinaries). The SQL schemas are embedded in
# temporal-sql-tool (--schema-name postgresql/v12/...), so nothing else is needed at run time.
# One compile job at a time (-p=1) unless KT_GO_BUILD_JOBS says otherwise: on a shared machine the first build then
# takes minutes of one core instead of all of them; CI (a machine of its own) uses every core.
# Safe to source from scripts running with `set -euo pipefail`: never exits, never fails.

KT_TEMPORAL_SERVER_VERSION="v1.29.1"
KT_TEMPORAL_UI_VERSION="v2.42.1"

kt_install_renamed() { # <package@version> <binary name> <target dir>
  local scratch built
  scratch="$(mktemp -d)"
  echo "  go install $1 -> $3/$2"
  if GOBIN="$scratch" GOFLAGS="${GOFLAGS:-} -p=${KT_GO_BUILD_JOBS:-1}" go install "$1"; then
    built="$(ls "$scratch")"
    mv "$scratch/$built" "$3/$2"
  fi
  rm -rf "$scratch"
}

kt_ensure_temporal_server() {
  local home="${KT_TEMPORAL_SERVER_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/kt-event-marketing/temporal-server-$KT_TEMPORAL_SERVER_VERSION}"
  local missing="" started
  for binary in temporal-server temporal-sql-tool temporal-ui-server; do
    [ -x "$home/$binary" ] || missing="$missing $binary"
  done
  if [ -n "$missing" ]; then
    if ! command -v go >/dev/null 2>&1; then
      echo "WARNING: Go not found: the Temporal server mode (KT_TEMPORAL_MODE=server|cluster) is unavailable;" >&2
      echo "WARNING: (the dev server, the default, is unaffected). Install Go to build:$missing" >&2
      return 0
    fi
    mkdir -p "$home"
    started=$(date +%s)
    echo "Temporal server binaries missing ($missing ); building them once into $home (minutes on a cold cache)"
    [ -x "$home/temporal-server" ] || kt_install_renamed "go.temporal.io/server/cmd/server@$KT_TEMPORAL_SERVER_VERSION" temporal-server "$home"
    [ -x "$home/temporal-sql-tool" ] || kt_install_renamed "go.temporal.io/server/cmd/tools/sql@$KT_TEMPORAL_SERVER_VERSION" temporal-sql-tool "$home"
    [ -x "$home/temporal-ui-server" ] || kt_install_renamed "github.com/temporalio/ui-server/v2/cmd/server@$KT_TEMPORAL_UI_VERSION" temporal-ui-server "$home"
    echo "Temporal server build took $(( $(date +%s) - started )) s"
  fi
  if [ -x "$home/temporal-server" ] && [ -x "$home/temporal-sql-tool" ] && [ -x "$home/temporal-ui-server" ]; then
    export KT_TEMPORAL_SERVER_HOME="$home"
    echo "Using Temporal server $KT_TEMPORAL_SERVER_VERSION binaries: $home"
  else
    echo "WARNING: building the Temporal server binaries failed: the server mode is unavailable." >&2
  fi
  return 0
}

kt_ensure_temporal_server
