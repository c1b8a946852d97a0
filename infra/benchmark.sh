#!/usr/bin/env bash
# Benchmarks on a local stack of its own (free ports, a temporary data directory): event workflows/s against a
# no-op workflow ceiling, POST /events latency, participation intake against a bare echo ceiling (checked in
# PostgreSQL), analytics freshness, distribution to 6 channels with 1-3 s latency, WinnerDraw over 1,000,000
# entries. Prints a table; writes infra/results/benchmark.json (+ a time-stamped copy) and app logs under
# infra/results/logs-benchmark/.
#   --quick          smaller sizes (15 s intake instead of 60 s, fewer flows)
#   KT_SKIP_BUILD=1  use the jars and classes already built
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/infra/scripts/select-java.sh"
source "$ROOT/infra/scripts/ensure-temporal-cli.sh"
cd "$ROOT"
if [ "${KT_SKIP_BUILD:-0}" != "1" ]; then
  echo "Building the harness and the exec jars (KT_SKIP_BUILD=1 skips this)..."
  ./mvnw -q -pl infra/bench -am install -DskipTests
  ./mvnw -q -pl api-gateway,workers,infra/sandbox package -DskipTests
fi
CLASSPATH_FILE="$ROOT/infra/bench/target/runtime-classpath.txt"
if [ ! -s "$CLASSPATH_FILE" ] || [ "${KT_SKIP_BUILD:-0}" != "1" ]; then
  ./mvnw -q -o -pl infra/bench dependency:build-classpath -Dmdep.outputFile="$CLASSPATH_FILE" -Dmdep.includeScope=runtime
fi
mkdir -p "$ROOT/infra/results"
export KT_REPO_ROOT="$ROOT"
exec "$JAVA_HOME/bin/java" -Xmx1g -cp "$ROOT/infra/bench/target/classes:$(cat "$CLASSPATH_FILE")" \
  com.kt.eventmarketing.bench.BenchMain benchmark "$@"
