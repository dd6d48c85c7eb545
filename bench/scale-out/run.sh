#!/usr/bin/env bash
# Scale-out benchmark (issue 14, docs/benchmarks.md "Scale-out"): submissions/s of one web tier, and observations/s of
# 1, 2 and 4 worker processes draining the same backlog, on a single Redis and on a 3-master Redis Cluster, both
# started here on free loopback ports, with this machine's MariaDB. Everything runs on 127.0.0.1; every process it
# starts is stopped on exit (also on Ctrl-C or a failure), and each wait is bounded. See README.md in this directory.
#
# Usage: bench/scale-out/run.sh          (after mvn -q -o install -DskipTests -DskipITs; needs wrk, redis-server,
#                                         redis-cli, mariadb, python3, curl)
# Settings (environment): REPORTS=40000 WARMUP_REPORTS=10000 (per worker) WORKERS="1 2 4" TOPOLOGIES="single cluster"
#   CONNECTIONS=8 WRK_THREADS=2 BENCH_DB=ichnaea_scaleout (dropped and created; dropped at the end unless
#   KEEP_DB=1) KEEP=1 (keep the work directory with every log) TIME_LIMIT=900 (seconds, then everything is stopped)
set -euo pipefail
cd "$(dirname "$0")/../.."
HERE=bench/scale-out
JAR=app/target/ichnaea.jar
REPORTS=${REPORTS:-40000}
WARMUP_REPORTS=${WARMUP_REPORTS:-10000}
WORKERS=${WORKERS:-"1 2 4"}
TOPOLOGIES=${TOPOLOGIES:-"single cluster"}
CONNECTIONS=${CONNECTIONS:-8}
WRK_THREADS=${WRK_THREADS:-2}
DRAIN_TIMEOUT=${DRAIN_TIMEOUT:-300}
TIME_LIMIT=${TIME_LIMIT:-900}
DB=${BENCH_DB:-ichnaea_scaleout}
DB_URI=mysql://root@127.0.0.1:3306/$DB
KEY=scaleout
JOBS="update_incoming=1,export_reports=0,update_statcounter=0,update_statregion=0,update_tiles=0,cell_export_diff=0"
JOBS="$JOBS,monitor_queue_size_and_rate_control=0,monitor_api_key_limits=0,monitor_api_users=0"

for tool in wrk redis-server redis-cli mariadb python3 curl java; do
  command -v $tool >/dev/null || { echo "scale-out: $tool is missing (wrk: apt-get install wrk)" >&2; exit 1; }
done
[ -f "$JAR" ] || { echo "scale-out: build the jar first: mvn -q install -DskipTests" >&2; exit 1; }

WORK=$(mktemp -d /tmp/ichnaea-scaleout.XXXXXX)
# A copy of the jar: a build running beside the benchmark must not replace it under the processes.
cp "$JAR" "$WORK/ichnaea.jar"
JAR=$WORK/ichnaea.jar
PIDS=()        # every process started here and not yet stopped
WATCHDOG=

# Stops the given processes: SIGCONT (a stopped worker), SIGTERM, up to 20 s, then SIGKILL. Only our own PIDs.
stop() {
  local pid
  for pid in "$@"; do kill -CONT "$pid" 2>/dev/null || true; kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "$@"; do
    for _ in $(seq 1 200); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  local keep=() p
  for p in "${PIDS[@]}"; do
    case " $* " in *" $p "*) ;; *) keep+=("$p") ;; esac
  done
  PIDS=("${keep[@]}")
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ -n "$WATCHDOG" ]; then kill $(pgrep -P "$WATCHDOG") "$WATCHDOG" 2>/dev/null || true; fi
  [ ${#PIDS[@]} -gt 0 ] && stop "${PIDS[@]}"
  if [ -z "${KEEP_DB:-}" ]; then
    mariadb -h127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS \`$DB\`" 2>/dev/null || true
  fi
  if [ -n "${KEEP:-}" ]; then echo "scale-out: logs kept in $WORK" >&2; else rm -rf "$WORK"; fi
  exit $rc
}
trap cleanup EXIT
trap 'echo "scale-out: interrupted" >&2; exit 130' INT TERM
( sleep "$TIME_LIMIT"; echo "scale-out: time limit of $TIME_LIMIT s reached, stopping" >&2; kill -TERM $$ ) &
WATCHDOG=$!

say() { echo "scale-out: $*" >&2; }
now() { date +%s.%N; }
fail() { say "$*"; exit 1; }

# ------------------------------------------------------------------------------------------------ database and bodies
say "work directory $WORK; $(nproc) CPUs; $(uptime)"
mariadb -h127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS \`$DB\`; CREATE DATABASE \`$DB\`"
export DB_READWRITE_URI=$DB_URI LOGGING_LEVEL=INFO
ICHNAEA_DATA_DIR=$WORK/cli java -jar "$JAR" migrate > "$WORK/migrate.log" 2>&1 || { cat "$WORK/migrate.log"; exit 1; }
ICHNAEA_DATA_DIR=$WORK/cli java -jar "$JAR" apikey create "$KEY" > "$WORK/apikey.log" 2>&1 \
  || { cat "$WORK/apikey.log"; exit 1; }
# The tables a drain writes: emptied before each worker count, so that every drain does the same work.
TABLES=$(mariadb -h127.0.0.1 -uroot -N -e "SELECT GROUP_CONCAT(table_name SEPARATOR ' ') FROM information_schema.tables
  WHERE table_schema = '$DB' AND table_name NOT IN ('flyway_schema_history', 'api_key', 'export_config')")
empty_tables() {
  local sql="SET SESSION lock_wait_timeout = 30; SET FOREIGN_KEY_CHECKS = 0;" t
  for t in $TABLES; do sql="$sql TRUNCATE TABLE \`$t\`;"; done
  mariadb -h127.0.0.1 -uroot "$DB" -e "$sql"
}

read -r _ OBSERVATIONS < <(python3 $HERE/helper.py bodies 1 "$REPORTS" "$WORK/bodies.jsonl" 0)
MAX_WORKERS=$(printf '%s\n' $WORKERS | sort -n | tail -1)
[ $((WARMUP_REPORTS % 5)) = 0 ] || fail "WARMUP_REPORTS must be a multiple of 5"
python3 $HERE/helper.py bodies 2 $((WARMUP_REPORTS * MAX_WORKERS)) "$WORK/warmup.jsonl" 1 > /dev/null
BODIES=$(wc -l < "$WORK/bodies.jsonl")
say "$REPORTS reports in $BODIES bodies, $OBSERVATIONS Wi-Fi observations; warm-up: $WARMUP_REPORTS reports of other networks per worker"

# ------------------------------------------------------------------------------------------------ processes
await_cli() { # port, expected text, command...
  local port=$1 expected=$2; shift 2
  for _ in $(seq 1 300); do
    redis-cli -h 127.0.0.1 -p "$port" "$@" 2>/dev/null | grep -q "$expected" && return 0
    sleep 0.1
  done
  fail "redis on port $port did not answer $expected to '$*' within 30 s"
}

start_single() { # dir: sets NODES, REDIS_URI, REDIS_PIDS
  local dir=$1 port
  mkdir -p "$dir"
  port=$(python3 $HERE/helper.py ports 1)
  redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no --dir "$dir" --protected-mode no \
    > "$dir/server.log" 2>&1 &
  PIDS+=($!); REDIS_PIDS=($!)
  await_cli "$port" PONG ping
  NODES=127.0.0.1:$port
  REDIS_URI=redis://127.0.0.1:$port/0
}

start_cluster() { # dir: the same, a 3-master cluster made by redis-cli --cluster create
  local dir=$1 port ports create=()
  ports=$(python3 $HERE/helper.py ports 3 --bus)
  REDIS_PIDS=()
  for port in $ports; do
    mkdir -p "$dir/$port"
    redis-server --port "$port" --bind 127.0.0.1 --cluster-enabled yes --cluster-config-file nodes.conf \
      --cluster-node-timeout 2000 --save "" --appendonly no --dir "$dir/$port" --protected-mode no \
      > "$dir/$port/server.log" 2>&1 &
    PIDS+=($!); REDIS_PIDS+=($!)
  done
  for port in $ports; do await_cli "$port" PONG ping; create+=("127.0.0.1:$port"); done
  timeout 60 redis-cli --cluster create "${create[@]}" --cluster-replicas 0 --cluster-yes > "$dir/create.log" 2>&1 \
    || { cat "$dir/create.log"; fail "redis-cli --cluster create failed"; }
  for port in $ports; do await_cli "$port" cluster_state:ok cluster info; done
  NODES=$(IFS=,; echo "${create[*]}")
  REDIS_URI=redis-cluster://$NODES
}

start_web() { # dir: sets WEB_PORT, WEB_PID
  local dir=$1
  WEB_PORT=$(python3 $HERE/helper.py ports 1)
  ICHNAEA_DATA_DIR=$dir REDIS_URI=$REDIS_URI java -Xmx1g -jar "$JAR" web --host 127.0.0.1 --port "$WEB_PORT" \
    > "$dir.log" 2>&1 &
  WEB_PID=$!; PIDS+=($!)
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$WEB_PORT/__lbheartbeat__" > /dev/null && return 0
    kill -0 "$WEB_PID" 2>/dev/null || { tail -20 "$dir.log"; fail "web exited"; }
    sleep 0.5
  done
  fail "web did not answer within 60 s"
}

start_workers() { # n, dir: sets WORKER_PIDS and WORKER_LOGS
  local n=$1 dir=$2 i
  WORKER_PIDS=(); WORKER_LOGS=()
  for i in $(seq 1 "$n"); do
    ICHNAEA_DATA_DIR=$dir/w$i REDIS_URI=$REDIS_URI ICHNAEA_JOB_INTERVALS=$JOBS java -Xmx512m -jar "$JAR" worker \
      > "$dir/w$i.log" 2>&1 &
    WORKER_PIDS+=($!); PIDS+=($!); WORKER_LOGS+=("$dir/w$i.log")
  done
  for i in $(seq 0 $((n - 1))); do
    for _ in $(seq 1 180); do
      grep -q "Ichnaea worker running" "${WORKER_LOGS[$i]}" && break
      kill -0 "${WORKER_PIDS[$i]}" 2>/dev/null || { tail -20 "${WORKER_LOGS[$i]}"; fail "worker $((i + 1)) exited"; }
      sleep 0.5
    done
    grep -q "Ichnaea worker running" "${WORKER_LOGS[$i]}" || fail "worker $((i + 1)) did not start within 90 s"
  done
}

# POSTs every body of a file once (wrk, fill.lua) while no worker runs, until all its reports are queued; prints
# "posted answered failed seconds" and the CPU seconds of web, redis, db, wrk and the machine meanwhile.
submit() { # bodies file, reports in it
  BODIES_FILE=$1 WRK_THREADS=$WRK_THREADS SUBMIT_PATH="/v2/geosubmit?key=$KEY" python3 $HERE/helper.py submit \
    "$NODES" "$2" --web "$WEB_PID" --redis "$(IFS=,; echo "${REDIS_PIDS[*]}")" --db "$DB_PID" \
    -- wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d300s -s $HERE/fill.lua "http://127.0.0.1:$WEB_PORT"
}

samples() { # the sum of the Wi-Fi stations' sample counts
  local sql="SELECT 0" i
  for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do sql="$sql + (SELECT COALESCE(SUM(samples), 0) FROM wifi_shard_$i)"; done
  mariadb -h127.0.0.1 -uroot -N "$DB" -e "$sql"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
per() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.0f", a / b}'; }

# ------------------------------------------------------------------------------------------------ the runs
DB_PID=$(pidof mariadbd || pidof mysqld || true)
DB_PID=${DB_PID%% *}
SUBMIT_ROWS=(); DRAIN_ROWS=()
BASE_SUB=; BASE_OBS=
for topo in $TOPOLOGIES; do
  dir=$WORK/$topo
  mkdir -p "$dir"
  case $topo in
    single) start_single "$dir/redis" ;;
    cluster) start_cluster "$dir/redis" ;;
    *) fail "unknown topology $topo (single, cluster)" ;;
  esac
  say "$topo: $REDIS_URI"
  start_web "$dir/web"
  # The web tier's warm-up: the whole backlog once, then thrown away.
  read -r posted answered failed seconds _ < <(submit "$WORK/bodies.jsonl" "$REPORTS") || true
  [ "${failed:-x}" = 0 ] || fail "$topo: web warm-up: ${answered:-?} of ${posted:-?} answered, ${failed:-?} failed"
  say "$topo: web warm-up, $(per "$BODIES" "$seconds") submissions/s"
  python3 $HERE/helper.py clear "$NODES"
  for n in $WORKERS; do
    run=$dir/n$n
    mkdir -p "$run"
    empty_tables
    start_workers "$n" "$run"
    pids=$(IFS=,; echo "${WORKER_PIDS[*]}")
    # The workers' warm-up, the same way on other networks, WARMUP_REPORTS per worker: their JIT compilers finish, so
    # that the drain measures workers in their steady state, as long-running ones are.
    kill -STOP "${WORKER_PIDS[@]}"
    head -n $((WARMUP_REPORTS * n / 5)) "$WORK/warmup.jsonl" > "$run/warmup.jsonl"
    read -r posted answered failed seconds _ < <(submit "$run/warmup.jsonl" $((WARMUP_REPORTS * n))) || true
    [ "${failed:-x}" = 0 ] && [ "$answered" = "$(wc -l < "$run/warmup.jsonl")" ] \
      || fail "$topo n=$n: warm-up: ${answered:-?} of ${posted:-?} bodies answered, ${failed:-?} failed"
    python3 $HERE/helper.py drain "$NODES" "$pids" $((WARMUP_REPORTS * n)) "$DRAIN_TIMEOUT" > /dev/null \
      || fail "$topo n=$n: warm-up not drained; logs: $run"
    sleep 2
    # Workers stopped (SIGSTOP) from here until the drain; the warm-up's stations go, so every drain starts on empty
    # station tables.
    kill -STOP "${WORKER_PIDS[@]}"
    empty_tables
    before=$(samples)
    # The backlog, submitted while the workers are stopped: submissions/s.
    read -r posted answered failed seconds c_web c_redis c_db c_wrk c_all < <(submit "$WORK/bodies.jsonl" "$REPORTS") \
      || true
    [ "${failed:-x}" = 0 ] && [ "$answered" = "$BODIES" ] \
      || fail "$topo n=$n: ${answered:-?} of ${posted:-?} bodies answered, ${failed:-?} failed"
    sub=$(per "$BODIES" "$seconds")
    [ -z "$BASE_SUB" ] && BASE_SUB=$sub
    SUBMIT_ROWS+=("$(printf '| %s | before %s | %s | %s | %s | %s | %s / %s / %s / %s | %s of %s | %s |' "$topo" "$n" \
      "$sub" "$(per "$REPORTS" "$seconds")" "$(ratio "$sub" "$BASE_SUB")" "$seconds" "$c_web" "$c_redis" "$c_db" \
      "$c_wrk" "$c_all" "$(awk -v s="$seconds" -v c="$(nproc)" 'BEGIN {printf "%.1f", s * c}')" \
      "$(awk -v a="$c_all" -v b="$c_web" -v c="$c_redis" -v d="$c_db" -v e="$c_wrk" \
        'BEGIN {x = a - b - c - d - e; printf "%.1f", x < 0 ? 0 : x}')")")
    say "${SUBMIT_ROWS[-1]}"
    # SIGCONT and time the drain: until no report is queued or claimed anywhere: observations/s.
    lines=()
    for log in "${WORKER_LOGS[@]}"; do lines+=("$(wc -l < "$log")"); done
    load=$(cut -d' ' -f1 /proc/loadavg)
    read -r drain c_workers c_db c_redis c_web c_all < <(python3 $HERE/helper.py drain "$NODES" "$pids" "$REPORTS" \
      "$DRAIN_TIMEOUT" --workers "$pids" --db "$DB_PID" --redis "$(IFS=,; echo "${REDIS_PIDS[*]}")" --web "$WEB_PID") \
      || true
    [ -n "${c_all:-}" ] || fail "$topo n=$n: the backlog was not drained; logs: $run"
    sleep 2
    counted=$(( $(samples) - before ))
    errors=0; warns=0
    for log in "${WORKER_LOGS[@]}"; do
      errors=$((errors + $(grep -c ' ERROR ' "$log" || true)))
      # Not counted: HikariCP's "Thread starvation or clock leap detected", which SIGSTOP causes.
      warns=$((warns + $(grep ' WARN ' "$log" | grep -vc 'clock leap' || true)))
    done
    races=$(cat "${WORKER_LOGS[@]}" | grep -c 'inserted the same new row' || true)
    deadlocks=$(cat "${WORKER_LOGS[@]}" | grep -c 'Deadlock found' || true)
    stop "${WORKER_PIDS[@]}"
    obs=$(per "$OBSERVATIONS" "$drain")
    [ -z "$BASE_OBS" ] && BASE_OBS=$obs
    DRAIN_ROWS+=("$(printf '| %s | %s | %s s | %s | %s | %s | %s | %s / %s / %s | %s of %s | %s | %s | %s | %s / %s | %s / %s |' \
      "$topo" "$n" "$drain" "$(per "$REPORTS" "$drain")" "$obs" "$(ratio "$obs" "$BASE_OBS")" \
      "$(per "$REPORTS" "$c_workers")" "$c_workers" "$c_db" "$c_redis" "$c_all" \
      "$(awk -v s="$drain" -v c="$(nproc)" 'BEGIN {printf "%.1f", s * c}')" \
      "$(awk -v a="$c_all" -v b="$c_workers" -v c="$c_redis" -v d="$c_db" -v e="$c_web" \
        'BEGIN {x = a - b - c - d - e; printf "%.1f", x < 0 ? 0 : x}')" "$load" \
      "$([ "$counted" = "$OBSERVATIONS" ] && echo "$counted ✓" || echo "$counted ✗")" "$races" "$deadlocks" \
      "$errors" "$warns")")
    say "${DRAIN_ROWS[-1]}"
  done
  stop "$WEB_PID" "${REDIS_PIDS[@]}"
done

# ------------------------------------------------------------------------------------------------ the tables
echo
echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) CPUs, $(uptime | sed 's/.*load/load/') at the end."
echo "$REPORTS reports ($BODIES bodies of 5), $OBSERVATIONS Wi-Fi observations per run; wrk $CONNECTIONS connections,"
echo "$WRK_THREADS threads; MariaDB station tables emptied before each worker count. CPU: seconds used meanwhile."
echo
echo "Submissions (one web process, workers stopped):"
echo
echo "| Redis | run | submissions/s | reports/s | × single | seconds | CPU s: web / Redis / MariaDB / wrk | CPU s, machine, of available | CPU s, other processes |"
echo "|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${SUBMIT_ROWS[@]}"
echo
echo "Drain of the backlog:"
echo
echo "| Redis | workers | drain | reports/s | observations/s | × single, 1 worker | reports per worker CPU s | CPU s: workers / MariaDB / Redis | CPU s, machine, of available | CPU s, other processes | load (1 min) before | samples counted = observations | insert races / deadlocks retried | worker ERROR / WARN lines |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${DRAIN_ROWS[@]}"
