#!/usr/bin/env bash
# Benchmarks on a local stack of its own (free ports, a temporary data directory): event workflows/s against a
# no-op workflow ceiling, POST /events latency, participation intake against a bare echo ceiling (checked in
# PostgreSQL), analytics freshness, distribution to 6 channels with 1-3 s latency, WinnerDraw over 1,000,000
# entries. Prints a table; writes infra/results/benchmark.json (+ a time-stamped copy) and app logs under
# infra/results/logs-benchmark/.
#   --quick          smaller sizes (15 s intake instead of 60 s, fewer flows)
#   posters          only the poster pipeline's figures (CPU per 1080x1080 poster, images step p50 with 10 flows)
#   create           only POST /api/v1/events → 202 p50/p99 with 4 clients (and how soon the owed starts are made)
#   planning         only the planning's overhead: POST → recommendations shown with the AI answering at once
#   intake           only the participation figures: echo ceiling, saturated intake, paced 1,000/s, freshness
#   --temporal=dev,server  Temporal backends for the Temporal-bound figures, side by side (default: both)
#   KT_SKIP_BUILD=1  use the jars and classes already built
if [ "${1:-}" = "posters" ] || [ "${1:-}" = "create" ] || [ "${1:-}" = "planning" ] \
  || [ "${1:-}" = "intake" ]; then
  MODE="$1"
  shift
  exec "$(dirname "${BASH_SOURCE[0]}")/scripts/run-bench.sh" "$MODE" "$@"
fi
exec "$(dirname "${BASH_SOURCE[0]}")/scripts/run-bench.sh" benchmark "$@"
