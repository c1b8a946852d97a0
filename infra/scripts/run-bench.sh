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
CLASSPATH_FILE="$ROOT/infra/bench/target/runtime-classpath.txt"
if [ "${KT_SKIP_BUILD:-0}" != "1" ]; then
  echo "Building the harness and the exec jars (KT_SKIP_BUILD=1 skips this)..."
  # one reactor build (-Pbench: the harness is no module of the plain build): the exec jars' modules (workers needs
  # workflows, which the harness itself does not) and the harness; its classpath is written in the same reactor, so
  # the sibling modules resolve to their fresh target/ jars without installing anything into ~/.m2
  ./mvnw -q -Pbench -pl infra/bench,api-gateway,workers,infra/sandbox -am package -DskipTests \
    dependency:build-classpath -Dmdep.outputFile=target/runtime-classpath.txt -Dmdep.includeScope=runtime
elif [ ! -s "$CLASSPATH_FILE" ]; then
  echo "KT_SKIP_BUILD=1 but $CLASSPATH_FILE is missing: run once without it" >&2
  exit 1
fi
mkdir -p "$ROOT/infra/results"
export KT_REPO_ROOT="$ROOT"
exec "$JAVA_HOME/bin/java" -Xms1g -Xmx1g -cp "$ROOT/infra/bench/target/classes:$(cat "$CLASSPATH_FILE")" \
  com.kt.eventmarketing.bench.BenchMain "$MODE" "$@"
