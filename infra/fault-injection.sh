#!/usr/bin/env bash
# Fault-injection scenarios on a local stack of its own, each with asserted outcomes: kill -9 of each worker pool
# mid-batch, Temporal dev server restart mid-batch, Redis stopped and flushed under participation load, a channel
# down 30 s with the AI at 50 % errors and the image API down, api-gateway killed under load (Idempotency-Key
# retries), Kafka stopped under participation load. Prints a table; writes infra/results/fault-injection.json;
# exits 1 if any assertion failed.
#   --quick          shorter outages and batches
#   --only=1,3       run only these scenarios
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
  com.kt.eventmarketing.bench.BenchMain fault-injection "$@"
