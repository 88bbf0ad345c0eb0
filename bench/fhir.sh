#!/usr/bin/env bash
# FHIR budgets (issue 22) on the data the issue measured HAPI's JPA server on: 10,000 patients, each with
# 20 PHQ-9 scores and 20 sets of vital signs (bench/fhir-seed.sql); wrk -t2 -c16, 30 s after a 60 s warm-up,
# as the prescriber dr.quill (sees every patient): Patient/{id}, Patient?name=, and the PHQ-9 trajectory
# Observation?patient=&code=44261-6&_sort=-date&_count=20. Paths rotate over every patient. Then a Bulk Data
# $export of everything, timed from kick-off to the manifest (resources/s over every NDJSON file's count).
#
# Usage: bench/fhir.sh   (BENCH_FHIR_PARTS="read search trajectory export" by default; name fewer to run fewer)
#        bench/fhir.sh   (needs PostgreSQL on 127.0.0.1:5432, user postgres, and target/kap-clinic-*.jar)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

DB=${BENCH_FHIR_DB:-kap_bench_fhir}
PATIENTS=${BENCH_PATIENTS:-10000}
PORT=${BENCH_PORT:-18082}
DURATION=${BENCH_DURATION:-30s}
# Long enough for C2 to finish compiling the FHIR path: with 10 s, the compiler thread still took a
# third of a core during the measurement and the figures halved.
WARMUP=${BENCH_WARMUP:-60s}
JAR=$(ls target/kap-clinic-*.jar | head -1)
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q)
LOG=target/bench-fhir-app.log
OUT=target/bench-fhir
APP=""
mkdir -p "$OUT"

log() { printf '[fhir %s] %s\n' "$(date +%T)" "$*" >&2; }
stop() { if [ -n "$APP" ]; then kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; APP=""; fi; }
trap stop EXIT

if ! "${PSQL[@]}" -lqt | cut -d'|' -f1 | grep -qw "$DB"; then
  "${PSQL[@]}" -c "create database $DB"
fi
: > "$LOG"
# BENCH_JAVA_OPTS: e.g. -XX:StartFlightRecording=filename=target/fhir.jfr to profile a run.
# shellcheck disable=SC2086
java ${BENCH_JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$DB" --spring.datasource.username=kap_app \
  --spring.datasource.password=bench-only --kap.datasource.migration-password= \
  --kap.datasource.migration-username=postgres \
  --kap.audit.key=YmVuY2gtb25seS1hdWRpdC1rZXktMzItYnl0ZXMtbG9uZw== --kap.security.trusted-proxies=127.0.0.1 \
  --kap.security.mfa-required-roles= --kap.demo.enabled=true --kap.demo.patients="$PATIENTS" >> "$LOG" 2>&1 &
APP=$!
for _ in $(seq 1 900); do
  if curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" > /dev/null 2>&1; then break; fi
  if ! kill -0 "$APP" 2>/dev/null; then log "the app stopped: see $LOG"; exit 1; fi
  sleep 1
done
log "seeding (skips patients seeded before)"
"${PSQL[@]}" -d "$DB" -f bench/fhir-seed.sql
TOKEN=$(curl -fs -H 'Content-Type: application/json' -d '{"username":"dr.quill","password":"demo-clinic-2026"}' \
  "http://127.0.0.1:$PORT/api/v1/auth/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')

paths() { # name, SQL producing one path per row
  { echo "return {"; "${PSQL[@]}" -d "$DB" -At -c "$2" | sed 's/.*/  "&",/'; echo "}"; } > "$OUT/$1.lua"
}
paths read "select '/fhir/Patient/' || id from patient.patient order by random()"
paths search "select distinct '/fhir/Patient?name=' || left(family_key, 4) from patient.patient"
paths trajectory "select '/fhir/Observation?patient=' || id || '&code=44261-6&_sort=-date&_count=20' from patient.patient order by random()"

PARTS=${BENCH_FHIR_PARTS:-read search trajectory export}
for name in $PARTS; do
  [ "$name" = export ] && continue
  BENCH_TOKEN=$TOKEN BENCH_PATHS_FILE="$OUT/$name.lua" BENCH_NAME="warmup-$name" BENCH_THREADS=2 \
    wrk -t2 -c16 -d"$WARMUP" --timeout 5s -s bench/wrk/paths.lua "http://127.0.0.1:$PORT" > /dev/null
  BENCH_TOKEN=$TOKEN BENCH_PATHS_FILE="$OUT/$name.lua" BENCH_NAME="fhir-$name" BENCH_THREADS=2 \
    wrk -t2 -c16 -d"$DURATION" --timeout 5s --latency -s bench/wrk/paths.lua "http://127.0.0.1:$PORT" \
    | tee "$OUT/$name.txt" | grep RESULT
done

if [[ " $PARTS " == *" export "* ]]; then
  BASE="http://127.0.0.1:$PORT" TOKEN=$TOKEN python3 - <<'PY' | tee "$OUT/export.txt"
import json, os, time, urllib.request
base, token = os.environ["BASE"], os.environ["TOKEN"]
def call(url, method="GET", headers=None):
    request = urllib.request.Request(url, method=method, headers={"Authorization": "Bearer " + token, **(headers or {})})
    with urllib.request.urlopen(request) as response:
        return response.status, dict(response.headers), response.read()
start = time.monotonic()
status, headers, _ = call(base + "/fhir/$export", headers={"Prefer": "respond-async", "Accept": "application/fhir+json"})
poll = headers["Content-Location"]
while True:
    status, headers, body = call(poll)
    if status == 200:
        break
    time.sleep(0.5)
elapsed = time.monotonic() - start
manifest = json.loads(body)
total = sum(o["count"] for o in manifest["output"])
download = time.monotonic()
size = sum(len(call(o["url"])[2]) for o in manifest["output"])
fetched = time.monotonic() - download
print(f"RESULT fhir-export resources={total} files={len(manifest['output'])} seconds={elapsed:.1f} "
      f"resources_per_s={total / elapsed:.0f} download_mb={size / 1e6:.0f} download_s={fetched:.1f}")
PY
fi
