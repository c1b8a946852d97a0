#!/usr/bin/env bash
# Fault-injection scenarios on a local stack of its own, each with asserted outcomes: kill -9 of each worker pool
# mid-batch, Temporal dev server restart mid-batch, Redis stopped and flushed under participation load, a channel
# down 30 s with the AI at 50 % errors and the image API down, api-gateway killed under load (Idempotency-Key
# retries), Kafka stopped under participation load. Prints a table; writes infra/results/fault-injection.json;
# exits 1 if any assertion failed.
#   --quick          shorter outages and batches
#   --only=1,3       run only these scenarios
#   --temporal=cluster  run on the two-node Temporal cluster on PostgreSQL, adding scenarios 7-9: a node kill -9'd
#                    mid-batch, PostgreSQL restarted mid-batch, the whole cluster stopped 30 s under API calls
#   KT_SKIP_BUILD=1  use the jars and classes already built
exec "$(dirname "${BASH_SOURCE[0]}")/scripts/run-bench.sh" fault-injection "$@"
