#!/usr/bin/env bash
# Load benchmark of the web service on loopback (docs/benchmarks.md). Bounded: each scenario runs
# DURATION seconds with CONNECTIONS connections against 127.0.0.1 only, then the server is stopped.
# Usage: bench/wrk/run.sh            (after mvn -B -q package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=app/target/ichnaea.jar
PORT=${PORT:-8765}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-8}
THREADS=${THREADS:-2}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 1; }
[ -f "$JAR" ] || { echo "build the jar first: mvn -B -q package -DskipTests"; exit 1; }

WORK=$(mktemp -d)
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
export ICHNAEA_DATA_DIR=$WORK/data ICHNAEA_PORT=$PORT ICHNAEA_HOST=127.0.0.1

# Five known Wi-Fi networks in Berlin, seen over 30 days.
CREATED=$(date -u -d '30 days ago' +%Y-%m-%dT%H:%M:%SZ)
TODAY=$(date -u +%Y-%m-%d)
for i in 1 2 3 4 5; do
  printf '{"kind":"wifi","mac":"b3b3b300000%d","lat":52.520%d,"lon":13.400%d,"radius":40,"samples":12,"created":"%s","modified":"%s","last_seen":"%s"}\n' \
    "$i" "$i" "$i" "$CREATED" "$CREATED" "$TODAY"
done > "$WORK/stations.jsonl"
java -jar "$JAR" apikey create bench --maxreq 0 >/dev/null 2>&1
java -jar "$JAR" import stations "$WORK/stations.jsonl" >/dev/null 2>&1

java -jar "$JAR" serve > "$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$PORT/__lbheartbeat__" >/dev/null && break; sleep 1; done

echo '{}' > "$WORK/ip.json"
printf '{"wifiAccessPoints":[%s]}' "$(for i in 1 2 3 4 5; do printf '{"macAddress":"b3:b3:b3:00:00:0%d","signalStrength":-6%d}' $i $i; [ $i -lt 5 ] && printf ','; done)" > "$WORK/wifi5.json"
printf '{"items":[%s]}' "$(for i in 1 2; do printf '{"timestamp":1714554000000,"position":{"latitude":52.52,"longitude":13.40,"accuracy":5},"wifiAccessPoints":[{"macAddress":"c4:c4:c4:00:00:0%d","signalStrength":-60},{"macAddress":"c4:c4:c4:00:01:0%d","signalStrength":-70}]}' $i $i; [ $i -lt 2 ] && printf ','; done)" > "$WORK/submit2.json"

# Warm up the JIT on every path.
for body in ip wifi5; do BODY_FILE=$WORK/$body.json wrk -t1 -c2 -d5s -s bench/wrk/post.lua "http://127.0.0.1:$PORT/v1/geolocate?key=bench" >/dev/null; done
BODY_FILE=$WORK/submit2.json wrk -t1 -c2 -d5s -s bench/wrk/post.lua "http://127.0.0.1:$PORT/v2/geosubmit?key=bench" >/dev/null
wrk -t1 -c2 -d5s "http://127.0.0.1:$PORT/__lbheartbeat__" >/dev/null

run() { # name, wrk arguments...
  local name=$1; shift
  local out; out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@")
  local rps p50 p99 errors
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  errors=$(echo "$out" | awk '/Non-2xx/ {print $5}')
  printf '| %s | %s | %s | %s | %s |\n' "$name" "$rps" "$p50" "$p99" "${errors:-0}"
}
echo "| scenario | requests/s | p50 | p99 | non-2xx |"
echo "|---|---|---|---|---|"
run "/__lbheartbeat__ (ceiling)" "http://127.0.0.1:$PORT/__lbheartbeat__"
BODY_FILE=$WORK/ip.json run "IP-only geolocate" -s bench/wrk/post.lua "http://127.0.0.1:$PORT/v1/geolocate?key=bench"
BODY_FILE=$WORK/wifi5.json run "5-Wi-Fi geolocate" -s bench/wrk/post.lua "http://127.0.0.1:$PORT/v1/geolocate?key=bench"
BODY_FILE=$WORK/submit2.json run "geosubmit, 2 items" -s bench/wrk/post.lua "http://127.0.0.1:$PORT/v2/geosubmit?key=bench"
curl -s -XPOST "http://127.0.0.1:$PORT/v1/geolocate?key=bench" -d @"$WORK/wifi5.json"; echo
