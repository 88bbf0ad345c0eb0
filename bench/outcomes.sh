#!/usr/bin/env bash
# Outcomes report budget (issue 18): the report for one instrument over 100,000 patients and about
# 2 million measurements, p95 < 1 s; and the time to derive the read model for all of them.
#
# Usage: bench/outcomes.sh [--fresh | --report-only | --exposure | --worklist | --fund]   (needs PostgreSQL on 127.0.0.1:5432, user postgres)
# --report-only: only step 4, on the data a previous run left.
# --exposure: issue 19's cumulative-exposure budget on that data (one patient given 500 sessions).
# --worklist: issue 19's maintenance-review worklist budget (every patient given a maintenance course).
# --fund: issue 20's access fund award budget (16 clients awarding from one restriction).
# --portal: issue 21's patient portal budgets (home p95, page weight, 500 patients' PHQ-9 at once).
# --billing: issue 20's billing budgets (posting 5,000 sessions' charges; a patient statement).
# 1. a database kap_bench_outcomes with the demo clinic of BENCH_PATIENTS (100,000) patients;
# 2. bench/outcomes-seed.sql: one finished course per patient (6 sessions) and its PHQ-9/GAD-7 scores;
# 3. a restart with the read model marked stale: OutcomeRebuild derives every patient (timed from the log);
# 4. bench/outcomes.py times the report API for eight cohorts.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

DB=${BENCH_OUTCOMES_DB:-kap_bench_outcomes}
PATIENTS=${BENCH_PATIENTS:-100000}
PORT=${BENCH_PORT:-18081}
ROUNDS=${BENCH_ROUNDS:-20}
JAR=$(ls target/kap-clinic-*.jar | head -1)
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q)
LOG=target/bench-outcomes-app.log
APP=""

log() { printf '[outcomes %s] %s\n' "$(date +%T)" "$*" >&2; }
stop() { if [ -n "$APP" ]; then kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; APP=""; fi; }
trap stop EXIT

start() {
  java -jar "$JAR" --server.port="$PORT" \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$DB" --spring.datasource.username=kap_app \
    --spring.datasource.password=bench-only --kap.datasource.migration-password= \
    --kap.datasource.migration-username=postgres \
    --kap.audit.key=YmVuY2gtb25seS1hdWRpdC1rZXktMzItYnl0ZXMtbG9uZw== --kap.security.trusted-proxies=127.0.0.1 \
    --kap.security.mfa-required-roles= \
    --kap.demo.enabled=true --kap.demo.patients="$PATIENTS" >> "$LOG" 2>&1 &
  APP=$!
  for _ in $(seq 1 900); do
    # Ready only after the demo clinic has loaded (runners finish before readiness).
    if curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" > /dev/null 2>&1; then return 0; fi
    if ! kill -0 "$APP" 2>/dev/null; then log "the app stopped: see $LOG"; exit 1; fi
    sleep 1
  done
  log "the app did not start: see $LOG"; exit 1
}

if [ "${1:-}" = "--fresh" ] || ! "${PSQL[@]}" -lqt | cut -d'|' -f1 | grep -qw "$DB"; then
  "${PSQL[@]}" -c "drop database if exists $DB" -c "create database $DB"
fi
if [ "${1:-}" = "--exposure" ]; then
  # Issue 19's budget on the same data: one patient with 500 sessions (bench/exposure-seed.sql).
  patient=$("${PSQL[@]}" -d "$DB" -At -f bench/exposure-seed.sql | tail -1 | cut -d'|' -f1)
  : > "$LOG"
  start
  python3 bench/exposure.py "http://127.0.0.1:$PORT" "$patient" "$ROUNDS"
  exit 0
fi
if [ "${1:-}" = "--worklist" ]; then
  # Issue 19's worklist budget: every patient on maintenance (bench/worklist-seed.sql).
  : > "$LOG"
  start  # migrates first: the seed writes the safety tables
  "${PSQL[@]}" -d "$DB" -f bench/worklist-seed.sql
  # The seed writes past the course events: mark the read model stale and restart, so it is rebuilt.
  stop
  "${PSQL[@]}" -d "$DB" -c "update safety.maintenance_due_built set templates = 'stale'"
  start
  grep -o "Maintenance review read model rebuilt[^\"]*" "$LOG" | tail -1
  python3 bench/worklist.py "http://127.0.0.1:$PORT" "$ROUNDS"
  exit 0
fi
if [ "${1:-}" = "--fund" ]; then
  # Issue 20's fund award budget on the same data: 16 clients awarding from one restriction.
  : > "$LOG"
  start
  patient=$("${PSQL[@]}" -d "$DB" -At -c "select id from patient.patient order by mrn limit 1")
  python3 bench/fund.py "http://127.0.0.1:$PORT" "$patient" "${BENCH_FUND_AWARDS:-60}"
  exit 0
fi
if [ "${1:-}" = "--portal" ]; then
  # Issue 21's portal budgets on the same data: BENCH_PORTAL_PATIENTS (500) patients invited and signed in.
  : > "$LOG"
  start
  python3 bench/portal.py "http://127.0.0.1:$PORT" "$DB" "${BENCH_PORTAL_PATIENTS:-500}"
  exit 0
fi
if [ "${1:-}" = "--billing" ]; then
  # Issue 20's billing budgets: 5,000 sessions' proposed charges for November 2026 (bench/billing-seed.sql),
  # posted in one call; one patient given a year of weekly infusions, invoiced monthly, for the statement.
  if [ "$("${PSQL[@]}" -d "$DB" -At -c "select count(*) from patient.patient" 2>/dev/null || echo 0)" = "0" ]; then
    "${PSQL[@]}" -c "do \$\$ begin create role kap_app login password 'bench-only';
      exception when duplicate_object then alter role kap_app login password 'bench-only'; end \$\$"
  fi
  : > "$LOG"
  start
  "${PSQL[@]}" -d "$DB" -c "update billing.charge set status = 'VOIDED', void_reason = 'earlier bench run', voided_at = now()
    where basis = 'benchmark (synthetic)' and status = 'PROPOSED'"
  "${PSQL[@]}" -d "$DB" -f bench/billing-seed.sql
  patient=$("${PSQL[@]}" -d "$DB" -At -c "select id from patient.patient order by mrn desc limit 1")
  "${PSQL[@]}" -d "$DB" -c "insert into billing.charge (id, patient_id, source_kind, source_id, service_date, code_system,
      code, description, units, unit_price_minor, amount_minor, currency, diagnoses, fee_schedule_version, basis, status,
      proposed_at, posted_at)
    select gen_random_uuid(), '$patient', 'DOSING_SESSION', gen_random_uuid(), date '2025-01-01' + 7 * w, c.system, c.code,
      'weekly infusion', 1, c.price, c.price, 'USD', '{F33.2}', 1, 'benchmark (synthetic)', 'POSTED', now(), now()
    from generate_series(0, 51) w, (values ('CPT', '96365', 45000), ('HCPCS', 'J3490', 5000)) c(system, code, price)
    where (date '2025-01-01' + 7 * w) <= date '2025-12-28' and extract(day from date '2025-01-01' + 7 * w) <= 28"
  python3 bench/billing.py "http://127.0.0.1:$PORT" 2026-11-01 2026-11-30 "$patient" "$ROUNDS"
  exit 0
fi
if [ "${1:-}" = "--report-only" ]; then
  : > "$LOG"
  start
  # A new read-model version rebuilds every row in the background: measure after it, not during.
  if grep -q "Outcomes read model: rebuilding" "$LOG"; then
    log "waiting for the read model's rebuild"
    until grep -q "Outcomes read model rebuilt" "$LOG"; do sleep 2; done
    grep -o "Outcomes read model rebuilt[^\"]*" "$LOG" | tail -1
  fi
  python3 bench/outcomes.py "http://127.0.0.1:$PORT" "$ROUNDS"
  exit 0
fi
: > "$LOG"
# The app connects as kap_app, which owns nothing (it refuses a superuser); Flyway migrates as postgres.
"${PSQL[@]}" -c "do \$\$ begin create role kap_app login password 'bench-only';
  exception when duplicate_object then alter role kap_app login password 'bench-only'; end \$\$"
log "starting on $DB (the first start loads $PATIENTS demo patients)"
start
log "seeding courses and scores"
"${PSQL[@]}" -d "$DB" -f bench/outcomes-seed.sql
stop
"${PSQL[@]}" -d "$DB" -c "update reports.read_model set rules_version = 'stale'"
log "restarting: the read model is rebuilt in the background"
: > "$LOG"
start
for _ in $(seq 1 3600); do
  if grep -q "Outcomes read model rebuilt" "$LOG"; then break; fi
  sleep 1
done
grep -o "Outcomes read model rebuilt[^\"]*" "$LOG" | tail -1
"${PSQL[@]}" -d "$DB" -At -c "select 'patients ' || (select count(*) from patient.patient) || ', measurements ' ||
  (select count(*) from measures.measurement) || ', read-model rows ' || (select count(*) from reports.course_outcome)"
python3 bench/outcomes.py "http://127.0.0.1:$PORT" "$ROUNDS"
