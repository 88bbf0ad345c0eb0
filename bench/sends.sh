#!/usr/bin/env bash
# Benchmark of scheduled sends: 10,000 due measures -> self-report links -> e-mails
# delivered to an in-process SMTP server (budget: 60 s), and 10,000 queued mails through
# the outbox alone. Runs as integration tests on an embedded PostgreSQL; the figures are
# the log lines printed at the end (full log: target/bench-sends.log). Usage: bench/sends.sh
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mkdir -p target
./mvnw -B verify -Dkap.bench=true -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test='ScheduledSendsBenchIT,OutboxIT#tenThousand*' -Dspring-javaformat.skip=true > target/bench-sends.log 2>&1
rc=$?
grep -E "Scheduled sends:|Delivered [0-9]+ queued mails|Tests run:.*Fail" target/bench-sends.log | sed 's/^.*\] //'
(( rc == 0 )) || echo "bench/sends.sh: build failed (exit $rc), see target/bench-sends.log" >&2
exit $rc
