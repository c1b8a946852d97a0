#!/usr/bin/env bash
# Runs the whole backend locally without Docker: PostgreSQL, Redis, Kafka, Temporal (+ Web UI), the external-API
# sandbox, the API and the workers. Data stays in .local/ between runs. Stop with Ctrl-C.
#   KT_SKIP_BUILD=1          do not run the Maven build first
#   KT_LOCAL_SERVERS_ONLY=1  start only the servers (run the apps from an IDE)
#   KT_TEMPORAL_MODE=server  Temporal server on the stack's PostgreSQL instead of the CLI dev server (cluster: 2 nodes)
#   KT_*_PORT                override ports (see LocalStackSettings)
#   KT_LOCAL_WORKER_POOLS=split  the pools flow and activities in two JVMs instead of one JVM polling every queue
#   KT_APP_JVM_OPTIONS       the applications' JVM options instead of the measured defaults (LocalStackSettings)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/infra/scripts/select-java.sh"
source "$ROOT/infra/scripts/ensure-temporal-cli.sh"
case "${KT_TEMPORAL_MODE:-dev}" in
  server|cluster) source "$ROOT/infra/scripts/ensure-temporal-server.sh" ;; # minutes, once per machine
esac
cd "$ROOT"

if [ "${KT_SKIP_BUILD:-0}" != "1" ]; then
  echo "Building (./mvnw -q -DskipTests install; KT_SKIP_BUILD=1 skips this)..."
  ./mvnw -q -DskipTests install
fi

# the launcher runs from local-stack's compiled classes plus its runtime dependencies from ~/.m2
CLASSPATH_FILE="$ROOT/infra/local-stack/target/runtime-classpath.txt"
# a Maven start costs seconds of the 30 s start budget: only when the build ran or the module's pom changed
if [ "${KT_SKIP_BUILD:-0}" != "1" ] || [ ! -s "$CLASSPATH_FILE" ] || [ "$ROOT/infra/local-stack/pom.xml" -nt "$CLASSPATH_FILE" ]; then
  ./mvnw -q -pl infra/local-stack dependency:build-classpath \
    -Dmdep.outputFile="$CLASSPATH_FILE" -Dmdep.includeScope=runtime
fi

export KT_REPO_ROOT="$ROOT"
# exec: Ctrl-C reaches the JVM directly, whose shutdown hook stops every child and server in reverse order
# the launcher hosts the Kafka broker: a capped heap and C1 only (measured, docs/benchmarks.md "Local stack footprint")
exec "$JAVA_HOME/bin/java" ${KT_LAUNCHER_JVM_OPTIONS--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -Xmx256m} -cp "$ROOT/infra/local-stack/target/classes:$(cat "$CLASSPATH_FILE")" \
  com.kt.eventmarketing.localstack.LocalStackMain
