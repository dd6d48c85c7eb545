#!/usr/bin/env bash
# Load benchmark of the web service on loopback (docs/benchmarks.md). Bounded: each scenario runs
# DURATION seconds with CONNECTIONS connections against 127.0.0.1 only (ROUNDS times, each round with its own
# heartbeat ceiling), then the server is stopped.
# Usage: bench/wrk/run.sh            (after mvn -B -q package -DskipTests)
#        PARTS=pipeline bench/wrk/run.sh   (PARTS: web and/or pipeline; JAR: another build of the jar)
#        MODES="embedded services" bench/wrk/run.sh
# ASYNC_PROFILER: the path of async-profiler's libasyncProfiler.so (in the Maven artifact
# tools.profiler:async-profiler:4.1:jar:linux-x64); each scenario's CPU profile goes to PROFILE_DIR (default /tmp).
# Attaching it makes the JIT compile again for a while, so measure without it.
# MODES: embedded (the default: one H2 file) and/or services (MariaDB + Redis on this machine: BENCH_DB_URL, default
# a database ichnaea_bench on 127.0.0.1:3306 as root, dropped and created; BENCH_REDIS_URI, default db 14 of
# 127.0.0.1:6379, flushed). Each mode gets a fresh data set, its own heartbeat ceiling and ratios to it, and then
# the pipeline's figure: REPORTS (default 50,000) distinct reports queued through geosubmit, drained by one timed
# `process`, less the time of a `process` with nothing queued (JVM start, statistics, tiles) in the same run.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=${JAR:-app/target/ichnaea.jar}
PARTS=${PARTS:-web pipeline}
PORT=${PORT:-8765}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-8}
THREADS=${THREADS:-2}
WARMUP=${WARMUP:-10s}
ROUNDS=${ROUNDS:-1}
REPORTS=${REPORTS:-50000}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 1; }
[ -f "$JAR" ] || { echo "build the jar first: mvn -B -q package -DskipTests"; exit 1; }

MODES=${MODES:-embedded}
BENCH_DB_URL=${BENCH_DB_URL:-mysql://root@127.0.0.1:3306/ichnaea_bench}
BENCH_REDIS_URI=${BENCH_REDIS_URI:-redis://127.0.0.1:6379/14}
SERVER=
JOBS_OFF="update_incoming=0,export_reports=0,update_statcounter=0,update_statregion=0,update_tiles=0"
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; rm -rf "${WORK:-}"' EXIT

bench_mode() { # mode
local mode=$1
WORK=$(mktemp -d)
export ICHNAEA_PORT=$PORT ICHNAEA_HOST=127.0.0.1
unset DB_READWRITE_URI REDIS_URI
# Five known Wi-Fi networks in Berlin, seen over 30 days.
CREATED=$(date -u -d '30 days ago' +%Y-%m-%dT%H:%M:%SZ)
TODAY=$(date -u +%Y-%m-%d)
for i in 1 2 3 4 5; do
  printf '{"kind":"wifi","mac":"b3b3b300000%d","lat":52.520%d,"lon":13.400%d,"radius":40,"samples":12,"created":"%s","modified":"%s","last_seen":"%s"}\n' \
    "$i" "$i" "$i" "$CREATED" "$CREATED" "$TODAY"
done > "$WORK/stations.jsonl"
# An empty store with the key and the five stations: before the web scenarios, and again before the pipeline's
# figure, which so does not depend on what the web scenarios wrote.
fresh_store() {
  export ICHNAEA_DATA_DIR=$WORK/data-$1
  if [ "$mode" = services ]; then
    command -v mariadb >/dev/null || { echo "services mode needs the mariadb client"; exit 1; }
    local db=${BENCH_DB_URL##*/}
    mariadb -h127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS \`$db\`; CREATE DATABASE \`$db\`"
    redis-cli -u "$BENCH_REDIS_URI" flushdb >/dev/null
    export DB_READWRITE_URI=$BENCH_DB_URL REDIS_URI=$BENCH_REDIS_URI
    java -jar "$JAR" migrate >/dev/null 2>&1
  fi
  java -jar "$JAR" apikey create bench --maxreq 0 >/dev/null 2>&1
  java -jar "$JAR" import stations "$WORK/stations.jsonl" >/dev/null 2>&1
}

if [[ " $PARTS " == *" web "* ]]; then
fresh_store web
# The pipeline jobs are off while the web service is measured: with them on, the reports of the geosubmit warm-up
# and scenario were drained by `serve` during the later scenarios, and the ceilings of one run ranged 13,600-20,000.
# The pipeline is measured on its own below.
ICHNAEA_JOB_INTERVALS=$JOBS_OFF java -jar "$JAR" serve > "$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$PORT/__lbheartbeat__" >/dev/null && break; sleep 1; done

echo '{}' > "$WORK/ip.json"
printf '{"wifiAccessPoints":[%s]}' "$(for i in 1 2 3 4 5; do printf '{"macAddress":"b3:b3:b3:00:00:0%d","signalStrength":-6%d}' $i $i; [ $i -lt 5 ] && printf ','; done)" > "$WORK/wifi5.json"
printf '{"items":[%s]}' "$(for i in 1 2; do printf '{"timestamp":1714554000000,"position":{"latitude":52.52,"longitude":13.40,"accuracy":5},"wifiAccessPoints":[{"macAddress":"c4:c4:c4:00:00:0%d","signalStrength":-60},{"macAddress":"c4:c4:c4:00:01:0%d","signalStrength":-70}]}' $i $i; [ $i -lt 2 ] && printf ','; done)" > "$WORK/submit2.json"

# Warm up the JIT on every path, at the load of the measurement (WARMUP each): with 5 s at 2 connections the first
# 15 s of a geosubmit measurement ran at 0.73 of the next 15 s (2026-12-07).
for body in ip wifi5; do BODY_FILE=$WORK/$body.json wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s bench/wrk/post.lua "http://127.0.0.1:$PORT/v1/geolocate?key=bench" >/dev/null; done
BODY_FILE=$WORK/submit2.json wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s bench/wrk/post.lua "http://127.0.0.1:$PORT/v2/geosubmit?key=bench" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "http://127.0.0.1:$PORT/__lbheartbeat__" >/dev/null
BODY_FILE=$WORK/wifi5.json wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s bench/wrk/post.lua "http://127.0.0.1:$PORT/__lbheartbeat__" >/dev/null

CEILING=
run() { # name, wrk arguments...
  local name=$1; shift
  local profile
  profile="${PROFILE_DIR:-/tmp}/$mode-round$round-$(echo "$name" | tr -c 'A-Za-z0-9\n' '-').collapsed"
  # ASYNC_PROFILER=/path/to/libasyncProfiler.so: CPU samples of the server during the scenario, as collapsed stacks.
  [ -n "${ASYNC_PROFILER:-}" ] && jcmd "$SERVER" JVMTI.agent_load "$ASYNC_PROFILER" '"start,event=cpu,interval=997us"' >/dev/null
  local out; out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@")
  [ -n "${ASYNC_PROFILER:-}" ] && jcmd "$SERVER" JVMTI.agent_load "$ASYNC_PROFILER" "\"stop,collapsed,file=$profile\"" >/dev/null
  local rps p50 p99 errors ratio
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  errors=$(echo "$out" | awk '/Non-2xx/ {print $5}')
  [ -z "$CEILING" ] && CEILING=$rps
  ratio=$(awk -v a="$rps" -v b="$CEILING" 'BEGIN {printf "%.2f", a / b}')
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$mode" "$name" "$rps" "$ratio" "$p50" "$p99" "${errors:-0}"
}
for round in $(seq 1 "$ROUNDS"); do
  CEILING= # each round has its own ceiling
  run "/__lbheartbeat__ (ceiling)" "http://127.0.0.1:$PORT/__lbheartbeat__"
  # The framework's floor for an API call: the 5-Wi-Fi body POSTed to the heartbeat (same bytes on the wire, no API
  # work, the heartbeat's shorter log line). It ran at 0.98-1.07 of the ceiling (docs/benchmarks.md, session 10).
  BODY_FILE=$WORK/wifi5.json run "POST 5-Wi-Fi body to /__lbheartbeat__ (floor)" -s bench/wrk/post.lua "http://127.0.0.1:$PORT/__lbheartbeat__"
  BODY_FILE=$WORK/ip.json run "IP-only geolocate" -s bench/wrk/post.lua "http://127.0.0.1:$PORT/v1/geolocate?key=bench"
  BODY_FILE=$WORK/wifi5.json run "5-Wi-Fi geolocate" -s bench/wrk/post.lua "http://127.0.0.1:$PORT/v1/geolocate?key=bench"
  BODY_FILE=$WORK/wifi5.json run "5-Wi-Fi country" -s bench/wrk/post.lua "http://127.0.0.1:$PORT/v1/country?key=bench"
  BODY_FILE=$WORK/submit2.json run "geosubmit, 2 items" -s bench/wrk/post.lua "http://127.0.0.1:$PORT/v2/geosubmit?key=bench"
done
answer=$(curl -s -XPOST "http://127.0.0.1:$PORT/v1/geolocate?key=bench" -d @"$WORK/wifi5.json")
case "$answer" in *'"lat":52.52'*) ;; *) echo "unexpected answer in mode $mode: $answer"; exit 1 ;; esac
kill $SERVER; wait $SERVER 2>/dev/null || true; SERVER=
fi

if [[ " $PARTS " == *" pipeline "* ]]; then
fresh_store pipeline
# The same-run baseline of the pipeline figure: a `process` with nothing queued (JVM start, region shapes,
# statistics, tiles), taken off the timed drain below.
start=$(date +%s.%N)
java -jar "$JAR" process >/dev/null 2>&1
empty=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}')

# The pipeline: REPORTS distinct reports of 2-3 new Wi-Fi networks each, submitted 100 a request to a serve whose
# pipeline jobs are off, then drained by one timed `process` (fan-out, internal export, stations, data map).
python3 - "$WORK/reports" "$REPORTS" <<'PY'
import json, os, random, sys
out, n = sys.argv[1], int(sys.argv[2])
os.makedirs(out)
rnd = random.Random(20261207)
for b in range(0, n, 100):
    items = []
    for i in range(b, min(b + 100, n)):
        lat, lon = 48.0 + rnd.random() * 6, 2.0 + rnd.random() * 12
        aps = [{"macAddress": "%012x" % (0x0e0000000000 + rnd.randrange(1 << 36)), "signalStrength": -50 - k * 10}
               for k in range(2 + i % 2)]
        items.append({"timestamp": 1714554000000, "position": {"latitude": lat, "longitude": lon, "accuracy": 10},
                      "wifiAccessPoints": aps})
    with open(os.path.join(out, "%06d.json" % b), "w") as f:
        json.dump({"items": items}, f)
PY
OBSERVATIONS=$(( REPORTS / 2 * 5 ))
ICHNAEA_JOB_INTERVALS=$JOBS_OFF java -jar "$JAR" serve > "$WORK/server2.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$PORT/__lbheartbeat__" >/dev/null && break; sleep 1; done
for f in "$WORK"/reports/*.json; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -XPOST "http://127.0.0.1:$PORT/v2/geosubmit?key=bench" -d @"$f")
  [ "$code" = 200 ] || { echo "geosubmit answered $code in mode $mode"; exit 1; }
done
kill $SERVER; wait $SERVER 2>/dev/null || true; SERVER=
start=$(date +%s.%N)
java -jar "$JAR" process > "$WORK/process.log" 2>&1
seconds=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}')
printf '| %s | pipeline: %s reports (%s obs), one process, %s s less %s s without reports | %s obs/s | | | | |\n' \
  "$mode" "$REPORTS" "$OBSERVATIONS" "$seconds" "$empty" \
  "$(awk -v o="$OBSERVATIONS" -v s="$seconds" -v e="$empty" 'BEGIN {d = s - e; if (d < 0.1) d = 0.1; printf "%.0f", o / d}')"
fi
rm -rf "$WORK"
}

echo "| mode | scenario | requests/s | ratio to the heartbeat | p50 | p99 | non-2xx |"
echo "|---|---|---|---|---|---|---|"
for mode in $MODES; do bench_mode "$mode"; done
