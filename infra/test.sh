#!/usr/bin/env bash
# Runs every test against real servers started from packages: embedded PostgreSQL and Redis, a Kafka KRaft
# broker, Temporal's test server (workflow unit tests) and the Temporal CLI dev server (integration and
# end-to-end tests; installed with `go install` when Go is present). Needs only a JDK 17+ (and Go for the CLI).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/infra/scripts/select-java.sh"
source "$ROOT/infra/scripts/ensure-temporal-cli.sh"
# kubeconform and the docker compose CLI for the deployment-file tests (built with go install when missing)
source "$ROOT/infra/scripts/ensure-deploy-tools.sh"
# Debian's Chromium and ChromeDriver for the browser tests of the pages (apt-get when missing)
source "$ROOT/infra/scripts/ensure-browser.sh"
cd "$ROOT"

# verify, not test: the end-to-end test runs the packaged workers and sandbox jars as their own processes.
./mvnw -B -ntp verify "$@"
