#!/usr/bin/env bash
# Backup and restore budgets of issue 17 on the bench data set (100,000 demo patients by default):
# a base backup of the running app's embedded database with scripts/backup (budget < 2 min), then
# scripts/restore into a new directory and the app started on it until /actuator/health answers
# (restore + start budget < 5 min). Seeds the data set first with bench/run.sh when it is empty.
#
#   bench/backup.sh            # BENCH_DATA_DIR, BENCH_OUT_DIR, BENCH_PORT as for bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."

DATA=$(realpath -m "${BENCH_DATA_DIR:-target/bench-data}")
OUT=$(realpath -m "${BENCH_OUT_DIR:-target}")
PORT=${BENCH_PORT:-18080}
JAR=${BENCH_JAR:-$(ls -t target/kap-clinic-*.jar | grep -v -- '-plain' | head -n1)}
WORK="$OUT/bench-backup"

log() { printf '[bench %s] %s\n' "$(date +%T)" "$*" >&2; }
now_ms() { date +%s%3N; }

if [[ ! -d $DATA || -z $(ls -A "$DATA" 2>/dev/null) ]]; then
  log "no data set in $DATA: seeding it with bench/run.sh"
  BENCH_ONLY=ping BENCH_JIT_WARMUP=1s BENCH_WARMUP=1s BENCH_DURATION=2s bench/run.sh
fi
rm -rf "$WORK"
mkdir -p "$WORK"

APP_PID=""
start() { # data dir, log, extra args…
  local dir=$1 logfile=$2; shift 2
  java -jar "$JAR" --server.port="$PORT" --kap.data-dir="$dir" --spring.profiles.active=demo "$@" \
    > "$logfile" 2>&1 < /dev/null &
  APP_PID=$!
  until [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/actuator/health") == 200 ]]; do
    kill -0 "$APP_PID" 2>/dev/null || { tail -n 30 "$logfile" >&2; exit 1; }
    sleep 0.1
  done
}
stop() { [[ -z $APP_PID ]] || { kill "$APP_PID"; wait "$APP_PID" || true; APP_PID=""; }; }
trap stop EXIT

log "starting the app on $DATA with WAL archiving"
start "$DATA" "$WORK/app.log" --kap.backup.wal-archive-dir="$WORK/backups/wal"
db_size=$(du -sh "$DATA/postgres" | cut -f1)
t0=$(now_ms)
scripts/backup --to "$WORK/backups" --data-dir "$DATA"
backup_ms=$(( $(now_ms) - t0 ))
backup_size=$(du -sh "$WORK/backups/base" | cut -f1)
stop

t0=$(now_ms)
scripts/restore --from "$WORK/backups" --to "$WORK/restored" --audit-key "$DATA/audit.key"
restore_ms=$(( $(now_ms) - t0 ))
t0=$(now_ms)
start "$WORK/restored" "$WORK/restored.log"
start_ms=$(( $(now_ms) - t0 ))
stop

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)
{
  echo "## Backup and restore, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "| | |"
  echo "|---|---|"
  echo "| Database on disk | $db_size ($(cat "$DATA.bench-meta" 2>/dev/null | tr '\n' ' ')) |"
  echo "| Base backup (scripts/backup, app running) | $((backup_ms / 1000)).$(printf '%03d' $((backup_ms % 1000))) s, $backup_size compressed (budget 120 s) |"
  echo "| Restore (scripts/restore) | $((restore_ms / 1000)).$(printf '%03d' $((restore_ms % 1000))) s |"
  echo "| Start on the restored copy to healthy | $((start_ms / 1000)).$(printf '%03d' $((start_ms % 1000))) s |"
  echo "| RTO (restore + start) | $(((restore_ms + start_ms) / 1000)) s (budget 300 s) |"
  echo "| Machine | $(nproc) × $cpu, $(free -g | awk '/Mem:/ {print $2}') GB |"
} | tee "$OUT/bench-backup.md"
rm -rf "$WORK/restored"
