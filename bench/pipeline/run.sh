#!/usr/bin/env bash
# The pipeline at scale (issue 17 item 3): queued reports to Wi-Fi stations in a MariaDB that holds 10 million of
# them, 1 and 2 workers, for this checkout and, in the same run, a previous commit. docs/benchmarks.md, "Pipeline
# at 10 million stations", has the figures and how to read them.
#
#   bench/pipeline/run.sh                       # this checkout, 1 and 2 shard threads, 2 rounds
#   BASE=7352514 bench/pipeline/run.sh          # and commit 7352514 (the previous design) in each round
#
# Needs MariaDB on 127.0.0.1:3306 (root, no password), Java 17 and Maven. The first run fills the database
# (StationStoreBenchmark, about 8 minutes for 10 million); later runs reuse it. Every run deletes the stations and
# ledger rows the previous one created and waits for InnoDB to purge and flush, so each variant starts from the
# same 10 million stations. Variants alternate within a round, as these machines are noisy.
set -euo pipefail

DB=${DB:-ichnaea_pipe}
URL="jdbc:mariadb://127.0.0.1:3306/$DB?user=root"
STATIONS=${STATIONS:-10000000}
REPORTS=${REPORTS:-20000}          # reports per pass; two passes (the second updates what the first created)
ROUNDS=${ROUNDS:-2}
SHARDS=${SHARDS:-"1 2"}            # ICHNAEA_PIPELINE_SHARD_THREADS values to run for this checkout
BASE=${BASE:-}                     # a commit to run in each round as well (its shard transactions one by one)
POOL_GB=${POOL_GB:-8}              # InnoDB buffer pool: the 10 million stations and their indexes fit in it
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d /tmp/ichnaea-pipeline-bench.XXXXXX)
cleanup() {
    if [ -n "$BASE" ]; then
        git -C "$ROOT" worktree remove --force "$WORK/base-src" 2>/dev/null || true
        git -C "$ROOT" worktree prune
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

# The server the benchmark's JDBC URL names, over TCP like the benchmark (not the local socket).
sql() { mariadb -h127.0.0.1 -P3306 -uroot -N -e "$1"; }

# A class path that later edits of the tree do not change: the tree's classes and core jars copied, the other
# dependencies from ~/.m2. Nothing is installed into ~/.m2 (the base must not replace this checkout's artifacts).
classpath() { # $1 source tree, $2 output dir
    mkdir -p "$2"
    (cd "$1" && mvn -B -q -pl core,adapters-mysql -am -Pbench package dependency:build-classpath -DskipTests \
        -DskipITs -Dmdep.includeScope=test -Dmdep.outputFile="$2/deps.txt")
    cp -r "$1/adapters-mysql/target/test-classes" "$2/test-classes"
    cp -r "$1/adapters-mysql/target/classes" "$2/classes"
    mkdir -p "$2/core"
    cp "$1"/core/target/core-*.jar "$2/core/"
    # The last module's list (adapters-mysql) is what the file holds; its core entries point into the tree.
    echo "$2/test-classes:$2/classes:$(sed "s#$1/core/target/#$2/core/#g" "$2/deps.txt")" > "$2/cp"
}

current_pool=$(sql "SELECT @@innodb_buffer_pool_size")
if [ "$current_pool" -lt $((POOL_GB * 1024 * 1024 * 1024)) ]; then
    sql "SET GLOBAL innodb_buffer_pool_size = $((POOL_GB * 1024 * 1024 * 1024))"
fi
sql "CREATE DATABASE IF NOT EXISTS $DB"

echo "== building this checkout"
classpath "$ROOT" "$WORK/new"
if [ -n "$BASE" ]; then
    echo "== building $BASE"
    git -C "$ROOT" worktree add -q --detach "$WORK/base-src" "$BASE"
    # The benchmark of this checkout, on the base's code: the base has no shard threads (one constructor less).
    sed 's/Clock.systemUTC(), runner, shardThreads)/Clock.systemUTC())/' \
        "$ROOT/adapters-mysql/src/bench/java/org/ichnaea/mysql/bench/PipelineBenchmark.java" \
        > "$WORK/base-src/adapters-mysql/src/bench/java/org/ichnaea/mysql/bench/PipelineBenchmark.java"
    classpath "$WORK/base-src" "$WORK/base"
fi

settle() {
    # The fill's stations were created on 2026-06-15 (StationStoreBenchmark's fixed clock); a run's on today's date
    # (this machine's clock must be later than that).
    for shard in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do
        sql "DELETE FROM $DB.wifi_shard_$shard WHERE created > '2026-06-16'"
    done
    sql "TRUNCATE $DB.applied_report; TRUNCATE $DB.datamap_ne"
    for _ in $(seq 1 90); do
        status=$(mariadb -h127.0.0.1 -P3306 -uroot -e "SHOW ENGINE INNODB STATUS\G")
        history=$(echo "$status" | awk '/History list length/ {print $4}')
        dirty=$(echo "$status" | awk '/^Modified db pages/ {print $4; exit}')
        if [ -n "$history" ] && [ -n "$dirty" ] && [ "$history" -lt 1000 ] && [ "$dirty" -lt 20000 ]; then
            return
        fi
        sleep 2
    done
    echo "warning: InnoDB still busy after 180 s (history list ${history:-?}, dirty pages ${dirty:-?})" >&2
}

echo "== filling $DB to $STATIONS stations (kept for later runs)"
java -Xmx2g -cp "$(cat "$WORK/new/cp")" org.ichnaea.mysql.bench.StationStoreBenchmark "$URL" "$STATIONS" 2000 \
    2>&1 | grep -E "stations present|inserted .*0,000,000|lookups"

run() { # $1 label, $2 class path file, $3 shard threads
    settle
    local mysqld cpu0 cpu1 out one two
    # mariadbd's CPU time is read from /proc: the server must run on this machine.
    mysqld=$( (pgrep -x mariadbd || pgrep -x mysqld) | head -1)
    if [ -z "$mysqld" ]; then
        echo "no mariadbd or mysqld process on this machine" >&2
        exit 1
    fi
    cpu0=$(awk '{print $14 + $15}' "/proc/$mysqld/stat")
    if ! out=$(java -Xmx2g -Dshards="$3" -cp "$(cat "$2")" org.ichnaea.mysql.bench.PipelineBenchmark "$URL" \
            "$REPORTS" 1000 "$RANDOM$RANDOM" 2>&1); then
        echo "$out" >&2
        echo "run $1 failed" >&2
        exit 1
    fi
    cpu1=$(awk '{print $14 + $15}' "/proc/$mysqld/stat")
    one=$(echo "$out" | awk '/^1 thread/ {print $(NF-1)}')
    two=$(echo "$out" | awk '/^2 thread/ {print $(NF-1)}')
    if [ -z "$one" ] || [ -z "$two" ]; then
        echo "$out" >&2
        echo "run $1 failed" >&2
        exit 1
    fi
    printf '| %s | %s | %s | %s | %d |\n' "$round" "$1" "$one" "$two" $(((cpu1 - cpu0) / $(getconf CLK_TCK))) \
        | tee -a "$WORK/table"
}

echo "== $ROUNDS rounds; observations/s; mariadbd CPU seconds for both runs (2 x $((REPORTS * 20)) observations)"
echo "| round | variant | 1 worker | 2 workers | mariadbd CPU s |" > "$WORK/table"
echo "|---|---|---|---|---|" >> "$WORK/table"
for round in $(seq 1 "$ROUNDS"); do
    if [ -n "$BASE" ]; then
        run "$BASE (previous design)" "$WORK/base/cp" 1
    fi
    for shards in $SHARDS; do
        run "this checkout, $shards shard thread(s)" "$WORK/new/cp" "$shards"
    done
done
echo
cat "$WORK/table"
