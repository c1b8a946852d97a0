#!/usr/bin/env bash
# Shared by infra/benchmark.sh and infra/fault-injection.sh: build (unless KT_SKIP_BUILD=1), then run the
# bench harness in the given mode (benchmark | fault-injection) with the remaining arguments.
set -euo pipefail
MODE="$1"
shift
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$ROOT/infra/scripts/select-java.sh"
source "$ROOT/infra/scripts/ensure-temporal-cli.sh"
# the benchmark compares the dev server with the server mode; the Temporal fault scenarios run on the cluster
source "$ROOT/infra/scripts/ensure-temporal-server.sh"
cd "$ROOT"
if [ "${KT_SKIP_BUILD:-0}" != "1" ]; then
  echo "Building the harness and the exec jars (KT_SKIP_BUILD=1 skips this)..."
  # one reactor build: the exec jars' modules (workers needs workflows, which the harness itself does not) and the
  # harness, installed so that the harness's classpath below resolves them
  ./mvnw -q -pl infra/bench,api-gateway,workers,infra/sandbox -am install -DskipTests
fi
CLASSPATH_FILE="$ROOT/infra/bench/target/runtime-classpath.txt"
if [ ! -s "$CLASSPATH_FILE" ] || [ "${KT_SKIP_BUILD:-0}" != "1" ]; then
  ./mvnw -q -pl infra/bench dependency:build-classpath -Dmdep.outputFile="$CLASSPATH_FILE" -Dmdep.includeScope=runtime
fi
mkdir -p "$ROOT/infra/results"
export KT_REPO_ROOT="$ROOT"
exec "$JAVA_HOME/bin/java" -Xmx1g -cp "$ROOT/infra/bench/target/classes:$(cat "$CLASSPATH_FILE")" \
  com.kt.eventmarketing.bench.BenchMain "$MODE" "$@"
