#!/usr/bin/env bash
# Runs every test against real servers started from packages: embedded PostgreSQL and Redis, a Kafka KRaft
# broker, Temporal's test server (workflow unit tests), the Temporal CLI dev server (integration and end-to-end
# tests) and the Temporal server itself on PostgreSQL, one node and two (its own tests, and the end-to-end flow a
# second time). The CLI and the server are built with `go install` when Go is present (once, cached). Needs a
# JDK 17+ and Go.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/infra/scripts/select-java.sh"
source "$ROOT/infra/scripts/ensure-temporal-cli.sh"
# temporal-server, temporal-sql-tool and temporal-ui-server for the server mode (go install, once per machine)
source "$ROOT/infra/scripts/ensure-temporal-server.sh"
# kubeconform, kustomize and the docker compose CLI for the deployment-file tests (built with go install when missing)
source "$ROOT/infra/scripts/ensure-deploy-tools.sh"
# Debian's Chromium and ChromeDriver for the browser tests of the pages (apt-get when missing)
source "$ROOT/infra/scripts/ensure-browser.sh"
cd "$ROOT"

# verify, not test: the end-to-end test runs the packaged workers and sandbox jars as their own processes.
# -Dkt.e2e.temporal=server: the end-to-end flow runs again on the Temporal server with PostgreSQL (e2e-tests'
# profile); without the server binaries the server mode's own tests in local-stack fail and say how to build them.
# -Pbench: the benchmark harness is left out of the plain build; CI still compiles it and runs its own tests.
./mvnw -B -ntp verify -Pbench -Dkt.e2e.temporal=server "$@"
