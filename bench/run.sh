#!/usr/bin/env bash
# KAP Clinic local benchmark: start-up time, memory and HTTP throughput/latency
# of the runnable jar against a persistent demo data set. See bench/README.md.
#
# Usage: bench/run.sh [--build] [--fresh] [--help]
# Exit codes: 0 ok, 1 setup/start failure, 2 benchmark ran but saw errors.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
cd "$ROOT"

PORT=${BENCH_PORT:-18080}
DATA=${BENCH_DATA_DIR:-target/bench-data}
PATIENTS=${BENCH_PATIENTS:-100000}
# Weekly PHQ-9 courses per demo patient: 6 x 100,000 = 600,000 scores, 6 million answers.
PHQ9=${BENCH_PHQ9_PER_PATIENT:-6}
# Space-separated endpoint names to run (default: all), e.g. BENCH_ONLY="ping phq9 submit".
ONLY=${BENCH_ONLY:-}
DURATION=${BENCH_DURATION:-20s}
WARMUP=${BENCH_WARMUP:-10s}
# The JIT needs about a minute of mixed traffic before the numbers settle (measured:
# patient reads went from ~2,000 to ~5,000 req/s over the first 60 s).
JIT_WARMUP=${BENCH_JIT_WARMUP:-30s}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
THREADS=${BENCH_THREADS:-2}
OUT=${BENCH_OUT_DIR:-target}
START_TIMEOUT=${BENCH_START_TIMEOUT:-240}
JAR=${BENCH_JAR:-}
JAVA_OPTS=${BENCH_JAVA_OPTS:-}
USERNAME=${BENCH_USER:-admin}
PASSWORD=${BENCH_PASSWORD:-demo-clinic-2026}
MAX_IDS=2000
# Offered load of the paced vitals run (all connections together): the latency budget is
# for 1,700 req/s from 50 clients, and pacing by pauses delivers somewhat less than offered.
VITALS_RATE=${BENCH_VITALS_RATE:-2000}
# Dosing sessions in progress on the demo floor (seeded once; changing it needs --fresh).
ACTIVE_SESSIONS=${BENCH_ACTIVE_SESSIONS:-30}

BUILD=0
FRESH=0
for arg in "$@"; do
  case $arg in
    --build) BUILD=1 ;;
    --fresh) FRESH=1 ;;
    -h|--help) sed -n '2,6p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $arg (try --help)" >&2; exit 1 ;;
  esac
done

BASE="http://127.0.0.1:$PORT"
DATA_ABS=$(realpath -m "$DATA")
META="${DATA_ABS%/}.bench-meta"   # beside, not inside: the app owns DATA
mkdir -p "$OUT"
OUT=$(realpath "$OUT")

APP_PID=""
APP_LOG=""

log() { printf '[bench %s] %s\n' "$(date +%T)" "$*" >&2; }
warn() { printf '[bench %s] WARNING: %s\n' "$(date +%T)" "$*" >&2; }
die() { printf '[bench %s] ERROR: %s\n' "$(date +%T)" "$*" >&2; exit 1; }
now_ms() { date +%s%3N; }

# wrk durations ("20s", "1m") to whole seconds, for timeouts.
to_seconds() {
  local v=$1
  case $v in
    *ms) echo 1 ;;
    *s) echo "${v%s}" ;;
    *m) echo $(( ${v%m} * 60 )) ;;
    *h) echo $(( ${v%h} * 3600 )) ;;
    *) echo "$v" ;;
  esac
}

DURATION_S=$(to_seconds "$DURATION")
WARMUP_S=$(to_seconds "$WARMUP")
[[ $DURATION_S =~ ^[0-9]+$ && $WARMUP_S =~ ^[0-9]+$ ]] \
  || die "BENCH_DURATION/BENCH_WARMUP must look like 20s, 1m, ..."
(( CONNECTIONS >= THREADS )) || die "BENCH_CONNECTIONS must be >= BENCH_THREADS"

# ---------------------------------------------------------------- processes

# /proc/PID/stat fields after "(comm)": comm may contain spaces and ")", so
# split only after its last ") ". Field 0 is state, 1 ppid, 11 utime, 12 stime.
stat_fields() {
  local s
  { read -r s < "/proc/$1/stat"; } 2>/dev/null || return 1
  echo "${s##*) }"
}

comm_of() {
  local c
  { read -r c < "/proc/$1/comm"; } 2>/dev/null || return 1
  echo "$c"
}

children_of() {
  local p f ppid
  for p in /proc/[0-9]*; do
    f=$(stat_fields "${p#/proc/}") || continue
    read -r _ ppid _ <<< "$f"
    [[ $ppid == "$1" ]] && echo "${p#/proc/}"
  done
  return 0
}

# Embedded Postgres is started through pg_ctl, so the postmaster is not a
# child of the JVM; find it through DATA (postmaster.pid, or -D on its
# command line) to measure it and to make sure it never outlives the run.
pg_postmasters() {
  local f pid p
  {
    while IFS= read -r f; do
      pid=$(head -n1 "$f" 2>/dev/null || true)
      [[ $pid =~ ^[0-9]+$ ]] && echo "$pid"
    done < <(find "$DATA_ABS" -maxdepth 4 -name postmaster.pid 2>/dev/null)
    for p in /proc/[0-9]*; do
      [[ $(comm_of "${p#/proc/}") == postgres ]] || continue
      tr '\0' ' ' 2>/dev/null < "$p/cmdline" | grep -qF -- "$DATA_ABS" && echo "${p#/proc/}"
    done
  } | sort -un | while read -r pid; do
    # Only real postmasters (not backends, not recycled PIDs).
    [[ $(comm_of "$pid") == postgres ]] || continue
    f=$(stat_fields "$pid") || continue
    read -r _ ppid _ <<< "$f"
    [[ $(comm_of "$ppid") == postgres ]] || echo "$pid"
  done
  return 0
}

pg_tree() {
  local pm
  for pm in $(pg_postmasters); do
    echo "$pm"
    children_of "$pm"
  done
}

# CPU ticks (utime+stime) summed over the given PIDs.
cpu_ticks() {
  local t=0 pid f
  local -a a
  for pid in "$@"; do
    f=$(stat_fields "$pid") || continue
    read -ra a <<< "$f"
    t=$(( t + a[11] + a[12] ))
  done
  echo "$t"
}

rss_mb() {
  awk '/^VmRSS:/ { printf "%d", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo "n/a"
}

# PSS rather than RSS for the Postgres processes: they share shared_buffers,
# and summing RSS would count that once per backend.
pss_sum_mb() {
  local pid kb=0 v
  for pid in "$@"; do
    v=$(awk '/^Pss:/ { print $2; exit }' "/proc/$pid/smaps_rollup" 2>/dev/null || true)
    [[ $v =~ ^[0-9]+$ ]] && kb=$(( kb + v ))
  done
  echo $(( kb / 1024 ))
}

health_code() {
  curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$BASE/actuator/health" 2>/dev/null || true
}

start_app() {
  APP_LOG=$1
  local -a opts=()
  [[ -n $JAVA_OPTS ]] && read -ra opts <<< "$JAVA_OPTS"
  START_MS=$(now_ms)
  java "${opts[@]}" -jar "$JAR" \
    --server.port="$PORT" \
    --kap.data-dir="$DATA_ABS" \
    --spring.profiles.active=demo \
    --kap.demo.enabled=true \
    --kap.demo.patients="$PATIENTS" \
    --kap.demo.phq9-per-patient="$PHQ9" \
    --kap.demo.active-sessions="$ACTIVE_SESSIONS" \
    > "$APP_LOG" 2>&1 < /dev/null &
  APP_PID=$!
  log "started java (pid $APP_PID), log: $APP_LOG"
}

# Polls health every 100 ms; sets HEALTHY_MS (ms since launch).
wait_healthy() {
  local deadline=$(( $(now_ms) + $1 * 1000 ))
  while :; do
    if ! kill -0 "$APP_PID" 2>/dev/null; then
      tail -n 40 "$APP_LOG" >&2 || true
      wait "$APP_PID" 2>/dev/null || true
      APP_PID=""
      die "java exited before becoming healthy; see $APP_LOG"
    fi
    if [[ $(health_code) == 200 ]]; then
      HEALTHY_MS=$(( $(now_ms) - START_MS ))
      return 0
    fi
    (( $(now_ms) < deadline )) || return 1
    sleep 0.1
  done
}

# Health can be UP while an ApplicationRunner or a background task is still
# generating demo data; stopping then would leave a half-seeded DATA. Wait
# until the JVM and Postgres have been nearly idle for 3 s in a row.
wait_quiescent() {
  local deadline=$(( $(now_ms) + $1 * 1000 ))
  local hz idle=0 before after
  hz=$(getconf CLK_TCK)
  before=$(cpu_ticks "$APP_PID" $(pg_tree))
  while (( idle < 3 )); do
    if (( $(now_ms) >= deadline )); then
      warn "app still busy after ${1}s; demo data may be incomplete"
      return 0
    fi
    sleep 1
    after=$(cpu_ticks "$APP_PID" $(pg_tree))
    # < 10% of one core; PIDs that exit can make the delta negative.
    if (( after - before < hz / 10 )); then idle=$(( idle + 1 )); else idle=0; fi
    before=$after
  done
}

stop_app() {
  [[ -n $APP_PID ]] || return 0
  local pid=$APP_PID i
  APP_PID=""
  if kill -0 "$pid" 2>/dev/null; then
    log "stopping java (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    # Graceful first so Spring stops embedded Postgres cleanly.
    for (( i = 0; i < 600; i++ )); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
      warn "java did not stop within 60 s; killing"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  wait "$pid" 2>/dev/null || true
  stop_orphan_postgres
}

# Only reached if the JVM died without running its shutdown hooks.
stop_orphan_postgres() {
  local pm i
  for pm in $(pg_postmasters); do
    for (( i = 0; i < 50; i++ )); do
      kill -0 "$pm" 2>/dev/null || continue 2
      sleep 0.1
    done
    warn "embedded postgres (pid $pm) outlived the JVM; fast shutdown"
    kill -INT "$pm" 2>/dev/null || true
    for (( i = 0; i < 300; i++ )); do
      kill -0 "$pm" 2>/dev/null || continue 2
      sleep 0.1
    done
    warn "postgres $pm ignored SIGINT; immediate shutdown"
    kill -QUIT "$pm" 2>/dev/null || true
  done
}

cleanup() {
  local rc=$?
  trap - EXIT
  if [[ -n ${WRK_PID:-} ]]; then
    kill -TERM "$WRK_PID" 2>/dev/null || true
    wait "$WRK_PID" 2>/dev/null || true
  fi
  stop_app || true
  stop_orphan_postgres || true
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP

# ------------------------------------------------------------------ prepare

for tool in java curl wrk python3; do
  command -v "$tool" > /dev/null || die "$tool not found in PATH"
done

# Anything already answering on PORT would be measured instead of our jar.
rc=0
curl -s -o /dev/null --max-time 2 "$BASE/" || rc=$?
[[ $rc -eq 7 ]] || die "something is already listening on 127.0.0.1:$PORT (set BENCH_PORT)"

find_jar() {
  ls -t target/kap-clinic-*.jar 2>/dev/null | grep -v -- '-plain\.jar$' | head -n1 || true
}

if [[ -z $JAR ]]; then
  if (( BUILD )) || [[ -z $(find_jar) ]]; then
    log "building jar (./mvnw -q -DskipTests package)"
    timeout 1800 ./mvnw -q -DskipTests package || die "build failed"
  fi
  JAR=$(find_jar)
fi
[[ -n $JAR && -f $JAR ]] || die "no runnable jar found (target/kap-clinic-*.jar)"
log "jar: $JAR"

if (( FRESH )); then
  case $DATA_ABS in
    /|"$ROOT"|"$HOME"|"") die "refusing to delete data dir '$DATA_ABS'" ;;
  esac
  log "--fresh: deleting $DATA_ABS"
  rm -rf -- "$DATA_ABS" "$META"
fi

if [[ -n $(pg_postmasters) ]]; then
  die "a postgres is still running on $DATA_ABS (pid $(pg_postmasters | tr '\n' ' ')); stop it first"
fi

if [[ -f $META ]] && ! { grep -qx "patients=$PATIENTS" "$META" && grep -qx "phq9=$PHQ9" "$META"; }; then
  die "$DATA_ABS was seeded with $(cat "$META"), not patients=$PATIENTS; rerun with --fresh"
fi

if [[ ! -d $DATA_ABS || -z $(ls -A "$DATA_ABS" 2>/dev/null) ]]; then
  # Keep first-start demo generation out of the measured start.
  log "data dir empty: seeding $PATIENTS demo patients (up to ${START_TIMEOUT}s)"
  start_app "$OUT/bench-seed.log"
  wait_healthy "$START_TIMEOUT" \
    || die "app not healthy after ${START_TIMEOUT}s; see $APP_LOG (rerun with --fresh)"
  log "healthy after $HEALTHY_MS ms; waiting for demo generation to settle"
  wait_quiescent "$START_TIMEOUT"
  stop_app
  printf 'patients=%s\nphq9=%s\n' "$PATIENTS" "$PHQ9" > "$META"
  log "seeding done"
elif [[ ! -f $META ]]; then
  warn "$DATA_ABS has data but no $META; assuming it holds $PATIENTS patients"
fi

# ------------------------------------------------------------ measured start

log "measured start"
start_app "$OUT/bench-app.log"
wait_healthy "$START_TIMEOUT" || die "app not healthy after ${START_TIMEOUT}s; see $APP_LOG"
START_WALL_S=$(awk -v ms="$HEALTHY_MS" 'BEGIN { printf "%.2f", ms / 1000 }')
log "healthy after ${START_WALL_S}s (wall); settling 5 s before reading RSS"
sleep 5
RSS_MB=$(rss_mb "$APP_PID")
mapfile -t PG_PIDS < <(pg_tree)
PG_PSS=$( (( ${#PG_PIDS[@]} )) && echo "$(pss_sum_mb "${PG_PIDS[@]}") MB" || echo "n/a (no postgres found under DATA)")
STARTED_LINE=$(grep -o 'Started KapClinicApplication in [0-9.]* seconds[^)]*)\?' "$APP_LOG" | tail -n1 || true)
SPRING_START_S=$(sed -n 's/.*in \([0-9.]*\) seconds.*/\1/p' <<< "$STARTED_LINE")
PROCESS_S=$(sed -n 's/.*process running for \([0-9.]*\).*/\1/p' <<< "$STARTED_LINE")
[[ -n $SPRING_START_S ]] || warn "no 'Started KapClinicApplication in X seconds' line in $APP_LOG"
log "RSS ${RSS_MB} MB, Spring start ${SPRING_START_S:-n/a}s"

# ---------------------------------------------------------------- fixtures

TOKEN=$(curl -sS --fail --max-time 10 -H 'Content-Type: application/json' \
  -d "$(python3 -c 'import json,sys; print(json.dumps({"username": sys.argv[1], "password": sys.argv[2]}))' "$USERNAME" "$PASSWORD")" \
  "$BASE/api/v1/auth/token" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])') \
  || die "could not obtain a token for $USERNAME"

IDS_LUA="$OUT/bench-ids.lua"
TERMS_LUA="$OUT/bench-terms.lua"
log "collecting up to $MAX_IDS patient ids and search terms"
read -r N_IDS N_TERMS < <(BENCH_TOKEN=$TOKEN timeout 300 \
  python3 "$BENCH_DIR/fixtures.py" "$BASE" "$IDS_LUA" "$TERMS_LUA" "$MAX_IDS") \
  || die "fixture collection failed"
log "$N_IDS ids, $N_TERMS search terms"

first_entry() { grep -m1 -o '"[^"]*"' "$1" | tr -d '"'; }

# A patient with a submitted intake that raises findings, for the screening benchmark.
api_json() { curl -sS --fail --max-time 10 -X "$1" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' -d "$3" "$BASE$2"; }
SCREEN_ID=$(api_json POST /api/v1/patients \
  '{"givenName":"Bench","familyName":"Screenwick","birthDate":"1980-01-01","confirmDuplicate":true}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])') || die "could not create the screening patient"
api_json PUT "/api/v1/patients/$SCREEN_ID/intake" '{"submit":true,"diagnoses":["F33.2","F41.1"],
  "conditions":["HYPERTENSION","URINARY_SYMPTOMS"],"medications":[{"name":"lorazepam","drugClass":"BENZODIAZEPINE"},
  {"name":"sertraline","drugClass":"OTHER"}],"antidepressantTrials":[{"drug":"sertraline","doseMg":150,"weeks":8,
  "response":"NO_RESPONSE"},{"drug":"bupropion","doseMg":300,"weeks":10,"response":"PARTIAL"}],
  "vitals":{"systolic":146,"diastolic":92,"heartRate":80}}' > /dev/null || die "could not submit the screening intake"

# name|script|path|auth|label
ENDPOINTS=(
  "ping|static.lua|/api/v1/ping|auth|GET /api/v1/ping (auth, baseline)"
  "health|static.lua|/actuator/health|none|GET /actuator/health (no auth)"
  "read|read.lua|/api/v1/patients/$(first_entry "$IDS_LUA")|auth|GET /api/v1/patients/{id}"
  "search|search.lua|/api/v1/patients?q=$(first_entry "$TERMS_LUA")&size=20|auth|GET /api/v1/patients?q={3 letters}&size=20"
  "screen|post.lua|/api/v1/patients/$SCREEN_ID/screenings|auth|POST /api/v1/patients/{id}/screenings"
  "consult|consult.lua|/api/v1/consultation-requests|none|POST /api/v1/consultation-requests (public)"
  "phq9|phq9.lua|/api/v1/patients/$(first_entry "$IDS_LUA")/measurements?instrument=PHQ-9&limit=20|auth|GET /api/v1/patients/{id}/measurements?instrument=PHQ-9&limit=20"
  "submit|submit.lua|/api/v1/patients/{id}/measurements|auth|POST /api/v1/patients/{id}/measurements (PHQ-9: score + persist)"
)
if [[ -z $ONLY || " $ONLY " == *" book "* || " $ONLY " == *" slots "* || " $ONLY " == *" week "* ]]; then
  CHAIRS_LUA="$OUT/bench-chairs.lua"
  log "scheduling fixtures: 20 chairs, 40 nurses, 5,000 appointments over 30 days (first run only)"
  BENCH_TOKEN=$TOKEN timeout 900 python3 "$BENCH_DIR/scheduling.py" "$BASE" "$IDS_LUA" "$CHAIRS_LUA" > /dev/null \
    || die "scheduling fixtures failed"
  COOKIE=$(timeout 60 python3 "$BENCH_DIR/session.py" "$BASE" "$USERNAME" "$PASSWORD") || die "could not sign in"
  SLOT_FROM=$(date -u -d '+1 day' +%Y-%m-%dT00:00:00Z)
  SLOT_TO=$(date -u -d '+31 days' +%Y-%m-%dT00:00:00Z)
  WEEK_DATE=$(date -u -d '+4 days' +%Y-%m-%d)
  ENDPOINTS+=(
    "book|book.lua|/api/v1/appointments|auth|POST /api/v1/appointments (10-min follow-up in a free chair slot)"
    "slots|static.lua|/api/v1/availability?type=DOSING&from=$SLOT_FROM&to=$SLOT_TO&durationMinutes=120&needs=pulse%20oximeter&limit=20|auth|GET /api/v1/availability (DOSING 2 h + nurse, 30 days, 20 chairs, 40 nurses, 5,000 appointments)"
    "week|page.lua|/schedule?date=$WEEK_DATE&view=week|none|GET /schedule?view=week (signed-in page, ~1,800 appointments that week)"
  )
fi
if [[ -z $ONLY || " $ONLY " == *" vitals "* || " $ONLY " == *" vitalsrate "* || " $ONLY " == *" board "* || " $ONLY " == *" orders "* ]]; then
  # Vitals are recorded by a clinician (the admin may not): a prescriber sees every session.
  DOSING_TOKEN=$(curl -sS --fail --max-time 10 -H 'Content-Type: application/json' \
    -d "{\"username\":\"dr.quill\",\"password\":\"$PASSWORD\"}" "$BASE/api/v1/auth/token" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])') || die "no token for dr.quill"
  SESSIONS_LUA="$OUT/bench-sessions.lua"
  N_SESSIONS=$(BENCH_DOSING_TOKEN=$DOSING_TOKEN python3 "$BENCH_DIR/dosing.py" sessions "$BASE" "$SESSIONS_LUA") \
    || die "could not list the active dosing sessions"
  log "$N_SESSIONS active dosing sessions"
  ENDPOINTS+=(
    "vitals|vitals.lua|/api/v1/dosing-sessions/{id}/vitals|dosing|POST /api/v1/dosing-sessions/{id}/vitals (durable, thresholds, audited; $N_SESSIONS sessions; saturating)"
    "vitalsrate|vitals.lua|/api/v1/dosing-sessions/{id}/vitals|dosing|POST /api/v1/dosing-sessions/{id}/vitals (same, each client paced: $VITALS_RATE req/s offered in all)"
    "board|static.lua|/api/v1/dosing-sessions/board|dosing|GET /api/v1/dosing-sessions/board ($N_SESSIONS active sessions)"
  )
fi
if [[ -z $ONLY || " $ONLY " == *" ledger1 "* || " $ONLY " == *" ledger20 "* ]]; then
  LEDGER_EXPIRY=$(date -u -d '+1 year' +%Y-%m-%d)
  ENDPOINTS+=(
    "ledger1|receipt.lua|/api/v1/controlled-substances/receipts|auth|POST /api/v1/controlled-substances/receipts (one lot: every request locks the same lot row)"
    "ledger20|receipt.lua|/api/v1/controlled-substances/receipts|auth|POST /api/v1/controlled-substances/receipts (20 lots rotating)"
  )
fi
if [[ -n $ONLY ]]; then
  selected=()
  for ep in "${ENDPOINTS[@]}"; do
    [[ " $ONLY " == *" ${ep%%|*} "* ]] && selected+=("$ep")
  done
  ENDPOINTS=("${selected[@]}")
fi

# --------------------------------------------------------------------- load

declare -A R=()
FAILED=0

WRK_PID=""
run_wrk() { # name script path auth duration outfile
  local token="" rc=0
  [[ $4 == auth ]] && token=$TOKEN
  [[ $4 == dosing ]] && token=$DOSING_TOKEN
  # Background + wait: bash defers traps while a foreground child runs, so
  # this keeps Ctrl-C/SIGTERM from waiting out a whole wrk run.
  BENCH_NAME=$1 BENCH_TOKEN=$token BENCH_THREADS=$THREADS \
  BENCH_IDS_FILE=$IDS_LUA BENCH_TERMS_FILE=$TERMS_LUA BENCH_CHAIRS_FILE=${CHAIRS_LUA:-} \
  BENCH_SEED=$RANDOM BENCH_COOKIE=${COOKIE:-} BENCH_SESSIONS_FILE=${SESSIONS_LUA:-} \
  BENCH_RATE=$( [[ $1 == vitalsrate ]] && echo "$VITALS_RATE" || echo "" ) BENCH_CONNECTIONS=$CONNECTIONS \
  BENCH_LEDGER_EXPIRY=${LEDGER_EXPIRY:-2099-01-01} BENCH_LEDGER_LOTS=$( [[ $1 == ledger20 ]] && echo 20 || echo 1 ) \
    timeout $(( $(to_seconds "$5") + 60 )) \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$5" --timeout 5s --latency \
      -s "$BENCH_DIR/wrk/$2" "$BASE$3" > "$6" 2>&1 &
  WRK_PID=$!
  wait "$WRK_PID" || rc=$?
  WRK_PID=""
  return "$rc"
}

log "JIT warm-up: $JIT_WARMUP on each endpoint before any measurement"
for ep in "${ENDPOINTS[@]}"; do
  IFS='|' read -r name script path auth label <<< "$ep"
  run_wrk "$name" "$script" "$path" "$auth" "$JIT_WARMUP" "$OUT/bench-wrk-$name-jit.txt" \
    || warn "$name JIT warm-up: wrk failed, see $OUT/bench-wrk-$name-jit.txt"
done

for ep in "${ENDPOINTS[@]}"; do
  IFS='|' read -r name script path auth label <<< "$ep"

  # One request first so a 401/302/404 is reported clearly, not as 20 s of noise
  # (GET endpoints only; the POST scripts' first requests show up in their counts).
  if [[ $script != post.lua && $script != consult.lua && $script != submit.lua && $script != book.lua \
        && $script != page.lua && $script != vitals.lua && $script != receipt.lua ]]; then
    hdr=()
    [[ $auth == auth ]] && hdr=(-H "Authorization: Bearer $TOKEN")
    [[ $auth == dosing ]] && hdr=(-H "Authorization: Bearer $DOSING_TOKEN")
    code=$(curl -s -o "$OUT/bench-preflight-$name.json" -w '%{http_code}' --max-time 10 \
      "${hdr[@]}" "$BASE$path" || true)
    [[ $code == 2?? ]] || warn "$name preflight: HTTP $code for $path (body in $OUT/bench-preflight-$name.json)"
  fi

  log "$name: warm-up $WARMUP"
  run_wrk "$name" "$script" "$path" "$auth" "$WARMUP" "$OUT/bench-wrk-$name-warmup.txt" \
    || warn "$name warm-up: wrk failed, see $OUT/bench-wrk-$name-warmup.txt"
  log "$name: measuring $DURATION (-t$THREADS -c$CONNECTIONS)"
  raw="$OUT/bench-wrk-$name.txt"
  run_wrk "$name" "$script" "$path" "$auth" "$DURATION" "$raw" \
    || { warn "$name: wrk failed, see $raw"; FAILED=1; continue; }

  line=$(grep -m1 '^RESULT ' "$raw" || true)
  [[ -n $line ]] || { warn "$name: no RESULT line in $raw"; FAILED=1; continue; }
  read -r _ _ fields <<< "$line"
  for kv in $fields; do R[$name.${kv%%=*}]=${kv#*=}; done
  R[$name.label]=$label
  log "$name: ${R[$name.rps]} req/s, p50 ${R[$name.p50_ms]} ms, p99 ${R[$name.p99_ms]} ms"

  if grep -q 'Non-2xx or 3xx responses' "$raw" || (( ${R[$name.non2xx]:-0} > 0 )); then
    warn "$name: ${R[$name.non2xx]} non-2xx responses -> benchmark FAILED (see $raw)"
    FAILED=1
  fi
  if (( ${R[$name.sockerr]:-0} > 0 )); then
    warn "$name: ${R[$name.sockerr]} socket errors/timeouts -> benchmark FAILED (see $raw)"
    FAILED=1
  fi
done

# A 500-measurement PHQ-9 trajectory page (chart + table), timed as a signed-in browser
# would fetch it; same host, so the time is the server's.
TRAJ_LINE=""
if [[ -z $ONLY || " $ONLY " == *" trajectory "* ]]; then
  log "trajectory: creating a patient with 500 PHQ-9 scores and timing its measures page"
  TRAJ_LINE=$(BENCH_TOKEN=$TOKEN timeout 600 python3 "$BENCH_DIR/trajectory.py" "$BASE" "$USERNAME" "$PASSWORD" 500 40) \
    || { warn "trajectory timing failed"; FAILED=1; }
  log "trajectory: $TRAJ_LINE"
fi

# The floor board as a signed-in page fragment, one request at a time (server time), and
# how long an alert takes from the saved reading to the rows a board fetches on the push.
BOARD_LINE=""
ALERT_LINE=""
if [[ -z $ONLY || " $ONLY " == *" board "* ]]; then
  BOARD_COOKIE=$(timeout 60 python3 "$BENCH_DIR/session.py" "$BASE" "$USERNAME" "$PASSWORD") || die "could not sign in"
  BOARD_LINE=$(BENCH_DOSING_TOKEN=$DOSING_TOKEN timeout 300 python3 "$BENCH_DIR/dosing.py" board "$BASE" "$BOARD_COOKIE" 50) \
    || { warn "board timing failed"; FAILED=1; }
  log "board rows: $BOARD_LINE"
  ALERT_LINE=$(BENCH_DOSING_TOKEN=$DOSING_TOKEN timeout 300 python3 "$BENCH_DIR/dosing.py" alert "$BASE" "$BOARD_COOKIE" 20) \
    || { warn "alert latency failed"; FAILED=1; }
  log "alert on board: $ALERT_LINE"
fi

# Dose orders and infusion rate changes (issue 13 budget: p95 < 30 ms), one request at a time.
ORDERS_LINE=""
if [[ -z $ONLY || " $ONLY " == *" orders "* ]]; then
  ORDERS_LINE=$(BENCH_DOSING_TOKEN=$DOSING_TOKEN timeout 300 python3 "$BENCH_DIR/dosing.py" orders "$BASE" 300) \
    || { warn "order timing failed"; FAILED=1; }
  log "orders: $ORDERS_LINE"
fi

# First render of every main page (issue 14 budget: < 200 ms server time), as admin (who
# may open every page), one request at a time.
PAGES_LINES=""
if [[ -z $ONLY || " $ONLY " == *" pages "* ]]; then
  PAGES_COOKIE=$(timeout 60 python3 "$BENCH_DIR/session.py" "$BASE" "$USERNAME" "$PASSWORD") || die "could not sign in"
  PAGES_LINES=$(timeout 900 python3 "$BENCH_DIR/pages.py" "$BASE" "$PAGES_COOKIE" "$IDS_LUA" 20) \
    || { warn "page timing failed"; FAILED=1; }
  log "pages:"$'\n'"$PAGES_LINES"
fi

# Notes budgets (issue 7): draft save, search over a patient with 1,000 notes, PDF summary.
NOTES_LINES=""
if [[ -z $ONLY || " $ONLY " == *" notes "* ]]; then
  log "notes: timing draft saves, a 1,000-note search and PDF summaries"
  NOTES_LINES=$(timeout 900 python3 "$BENCH_DIR/notes.py" "$BASE" "${BENCH_NOTES_PER_PATIENT:-1000}" 300 40) \
    || { warn "notes timing failed"; FAILED=1; }
  log "notes: $NOTES_LINES"
fi

stop_app

# ------------------------------------------------------------------ report

cpu_model=$(grep -m1 -E '^(model name|Hardware|cpu model)' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//')
[[ -n $cpu_model ]] || cpu_model=$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -n1)
mem_gb=$(awk '/^MemTotal:/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo)
java_ver=$(java -version 2>&1 | head -n1)
wrk_ver=$(wrk --version 2>&1 | head -n1 | awk '{ print $2 }' || true)
commit=$(git rev-parse --short HEAD 2>/dev/null || echo "n/a")
[[ $commit != n/a && -n $(git status --porcelain 2>/dev/null | head -n1) ]] && commit="$commit (dirty)"

cell() { echo "${R[$1]:-n/a}"; }
ratio() {
  local b=${R[ping.rps]:-} v=${R[$1.rps]:-}
  [[ -n $b && -n $v ]] || { echo "n/a"; return; }
  awk -v v="$v" -v b="$b" 'BEGIN { if (b > 0) printf "%.2f", v / b; else print "n/a" }'
}

RESULTS="$OUT/bench-results.md"
{
  echo "## KAP Clinic benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "| Endpoint | req/s | p50 ms | p95 ms | p99 ms | vs ping | non-2xx | socket errors |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  for ep in "${ENDPOINTS[@]}"; do
    IFS='|' read -r name _ _ _ label <<< "$ep"
    echo "| $label | $(cell "$name.rps") | $(cell "$name.p50_ms") | $(cell "$name.p95_ms") | $(cell "$name.p99_ms") | $(ratio "$name") | $(cell "$name.non2xx") | $(cell "$name.sockerr") |"
  done
  echo
  echo "| | |"
  echo "|---|---|"
  echo "| Start, launch to first healthy (wall) | ${START_WALL_S} s |"
  echo "| Start, Spring \`Started ... in\` | ${SPRING_START_S:-n/a} s (process running for ${PROCESS_S:-n/a} s) |"
  echo "| JVM RSS, 5 s after healthy | ${RSS_MB} MB |"
  echo "| Embedded Postgres PSS (all its processes) | ${PG_PSS} |"
  echo "| Demo patients | $PATIENTS, $PHQ9 PHQ-9 scores each (before the run's own submissions) |"
  [[ -n $BOARD_LINE ]] && echo "| Floor board rows (GET /dosing/board/rows, signed-in, one at a time) | $BOARD_LINE |"
  [[ -n $ORDERS_LINE ]] && echo "| Dose order and infusion rate change (POST …/order, …/administrations RATE_CHANGE; one at a time) | $ORDERS_LINE |"
  [[ -n $ALERT_LINE ]] && echo "| Alert visible on the board (reading saved -> SSE push -> rows fetched) | $ALERT_LINE |"
  [[ -n $TRAJ_LINE ]] && echo "| 500-measurement trajectory page (GET /patients/{id}/measures) | $TRAJ_LINE |"
  [[ -n $NOTES_LINES ]] && while IFS= read -r line; do echo "| notes: ${line%%: *} | ${line#*: } |"; done <<< "$NOTES_LINES"
  [[ -n $PAGES_LINES ]] && while IFS= read -r line; do
    kind=$(sed -E 's/^pages +(.*[^ ]) +first=.*/\1/' <<< "$line"); rest=${line#*first=}
    echo "| page \`$kind\` (ms, one at a time) | first=$rest |"; done <<< "$PAGES_LINES"
  echo "| Fixtures | $N_IDS ids, $N_TERMS surname prefixes |"
  echo "| Load | wrk ${wrk_ver:-?}, -t$THREADS -c$CONNECTIONS, ${JIT_WARMUP} JIT warm-up per endpoint, then ${WARMUP} warm-up + ${DURATION} per endpoint, same host as the app |"
  echo "| Machine | $(nproc) CPUs, ${cpu_model:-unknown CPU}, ${mem_gb} GB RAM, Linux $(uname -r) |"
  echo "| Java | $java_ver${JAVA_OPTS:+, opts: $JAVA_OPTS} |"
  echo "| App commit | $commit |"
  (( FAILED )) && { echo; echo "**FAILED: non-2xx responses or socket errors during the run; numbers are not valid.**"; }
  true
} > "$RESULTS"

echo
cat "$RESULTS"
echo
log "results written to $RESULTS (raw wrk output: $OUT/bench-wrk-*.txt)"
if (( FAILED )); then
  warn "benchmark saw errors; see warnings above"
  exit 2
fi
