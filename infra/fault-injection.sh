#!/usr/bin/env bash
# Fault-injection scenarios on a local stack of its own, each with asserted outcomes, in this order: KillWorkerPools
# (kill -9 of each worker pool mid-batch), TemporalRestart (Temporal dev server restarted mid-batch), ChannelOutage
# (a channel down 30 s with the AI at 50 % errors and the image API down), GatewayKill (api-gateway killed under
# load, Idempotency-Key retries), KafkaOutage (Kafka stopped under participation load), RedisOutage (Redis stopped
# and flushed under participation load). Prints a table; writes infra/results/fault-injection.json; exits 1 if any
# assertion failed.
#   --quick          shorter outages and batches
#   --only=KafkaOutage,GatewayKill  run only these scenarios (by name, in the order above)
#   --temporal=cluster  run on the two-node Temporal cluster on PostgreSQL, adding TemporalNodeKill (a node kill -9'd
#                    mid-batch), PostgresRestart (PostgreSQL restarted mid-batch) and TemporalClusterOutage (the
#                    whole cluster stopped 30 s under API calls)
#   KT_SKIP_BUILD=1  use the jars and classes already built
exec "$(dirname "${BASH_SOURCE[0]}")/scripts/run-bench.sh" fault-injection "$@"
