#!/usr/bin/env bash
# The peer side of issue 22's FHIR budgets: the same three reads as bench/fhir.sh, against another FHIR R4
# server already running at PEER_BASE (the HAPI FHIR JPA starter, built and started outside this repository on
# the local PostgreSQL; bench/README.md "FHIR: the HAPI JPA peer" says how it was run). Loads 10,000 synthetic
# patients x (20 PHQ-9 + 20 BP panels) first unless PEER_SKIP_LOAD=1, then wrk -t2 -c16, warm-up then measured,
# no authentication (the peer runs open). Stop our app while the peer is measured, and the peer while ours is:
# an idle JVM beside the measured one cost ours 40% of its reads/s on 2 cores.
#
# Usage: PEER_BASE=http://127.0.0.1:18090/fhir bench/fhir-peer.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
BASE=${PEER_BASE:-http://127.0.0.1:18090/fhir}
OUT=target/bench-fhir-peer
IDS=$OUT/ids.txt
mkdir -p "$OUT"
if [ "${PEER_SKIP_LOAD:-0}" != 1 ]; then
  BASE=$BASE N=${BENCH_PATIENTS:-10000} W=4 IDS=$IDS python3 bench/fhir-peer-load.py | tee "$OUT/load.txt" | grep RESULT
fi
# Name searches: a family and its first digit (Testwell1 finds Testwell1, Testwell10-19: ~110 patients each),
# fewer matches per search than bench/fhir.sh's 4-letter prefixes (~285 each): in the peer's favour.
{ echo "return {"; shuf "$IDS" | sed 's|.*|  "/fhir/Patient/&",|'; echo "}"; } > "$OUT/read.lua"
{ echo "return {"; for f in Testwell Fictiona Samplery Mockford Demoson Placeholt Synthwick Examplar Nullberg Dummett; do
    for d in 1 2 3 4 5 6 7 8 9; do echo "  \"/fhir/Patient?name=$f$d\","; done; done; echo "}"; } > "$OUT/search.lua"
{ echo "return {"; shuf "$IDS" | awk '{printf "  \"/fhir/Observation?patient=%s&code=44261-6&_sort=-date&_count=20\",\n", $0}'; echo "}"; } > "$OUT/trajectory.lua"
HOSTPORT=$(echo "$BASE" | sed -E 's|(https?://[^/]+).*|\1|')
for name in ${BENCH_FHIR_PARTS:-read search trajectory}; do
  BENCH_PATHS_FILE="$OUT/$name.lua" BENCH_NAME="warmup-$name" BENCH_THREADS=2 \
    wrk -t2 -c16 -d"${BENCH_WARMUP:-60s}" --timeout 5s -s bench/wrk/paths.lua "$HOSTPORT" > /dev/null
  BENCH_PATHS_FILE="$OUT/$name.lua" BENCH_NAME="peer-$name" BENCH_THREADS=2 \
    wrk -t2 -c16 -d"${BENCH_DURATION:-30s}" --timeout 5s --latency -s bench/wrk/paths.lua "$HOSTPORT" \
    | tee "$OUT/$name.txt" | grep RESULT
done
