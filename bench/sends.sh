#!/usr/bin/env bash
# Benchmark of scheduled sends: 10,000 due measures -> self-report links -> e-mails
# delivered to an in-process SMTP server (budget: 60 s), and 10,000 queued mails through
# the outbox alone. Runs as integration tests on an embedded PostgreSQL; the figures are
# in the log lines printed at the end. Usage: bench/sends.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./mvnw -q -B verify -Dkap.bench=true -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test='ScheduledSendsBenchIT,OutboxIT#tenThousand*' -Dspring-javaformat.skip=true \
  2>&1 | tee target/bench-sends.log | grep -E "Scheduled sends:|Delivered [0-9]+ queued mails|Tests run:|FAIL" || true
