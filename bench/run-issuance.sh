#!/usr/bin/env bash
# The issuance benchmark in one command: builds what is missing, starts a fresh ca-service on a fresh
# PostgreSQL database and data directory, runs bench/target/bench-*.jar against it (end-to-end rate and
# latency, then the signing ceiling), stops the service and prints the summary. See bench/README.md.
#
#   bench/run-issuance.sh [--clients 32] [--seconds 20] [--warmup auto|S] [any other benchmark option]
#
# Environment: BENCH_PORT (HTTPS port of the service started here, default 18443), BENCH_DB (database,
# default fujie_bench, dropped and re-created), PGHOST/PGPORT/PGUSER (default 127.0.0.1/5432/postgres,
# trust authentication), SERVER_JAVA_OPTS / BENCH_JAVA_OPTS (extra JVM options), BENCH_KEEP=1 (keep
# the data directory, server log and database afterwards).
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
CA_JAR="$REPO/ca-service/target/ca-service-0.1.0-SNAPSHOT-exec.jar"
BENCH_JAR="$REPO/bench/target/bench-0.1.0-SNAPSHOT.jar"
PORT=${BENCH_PORT:-18443}
DB=${BENCH_DB:-fujie_bench}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}

CLIENTS=32 SECONDS_=20 WARMUP=auto PASS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --clients) CLIENTS=$2; shift 2 ;;
    --seconds) SECONDS_=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --url|--data|--server-pid) echo "run-issuance.sh sets $1 itself" >&2; exit 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) [ $# -ge 2 ] || { echo "option $1 needs a value" >&2; exit 2; }
       PASS+=("$1" "$2"); shift 2 ;;
  esac
done

say() { echo "[run-issuance] $*"; }

# 1. Build what is missing or stale, from this worktree (package -am; nothing is installed into the shared ~/.m2).
"$REPO/bench/build.sh" ca-service,bench

# 2. Nothing may already answer on the port: the benchmark would measure someone else's service.
if curl -sk --max-time 2 "https://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1; then
  echo "something already answers on https://127.0.0.1:$PORT; set BENCH_PORT to a free port" >&2
  exit 1
fi

# 3. A fresh database and a fresh data directory: the bootstrap and the database state go together.
psql -q -v ON_ERROR_STOP=1 -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB" >/dev/null
WORK=$(mktemp -d "${TMPDIR:-/tmp}/fujie-bench.XXXXXX")
SERVER_PID=""

stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$SERVER_PID" 2>/dev/null; then
      say "ca-service $SERVER_PID did not stop in 15 s; killing it"
      kill -9 "$SERVER_PID" 2>/dev/null || true
    fi
    wait "$SERVER_PID" 2>/dev/null || true
    say "ca-service (PID $SERVER_PID) stopped"
  fi
  SERVER_PID=""
}

cleanup() {
  local rc=$?
  stop_server
  if [ "${BENCH_KEEP:-0}" = 1 ] || [ $rc -ne 0 ]; then
    say "kept $WORK (data/, server.log, bench.log) and database $DB"
  else
    rm -rf "$WORK"
    psql -q -d postgres -c "drop database if exists $DB with (force)" >/dev/null 2>&1 || true
  fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# 4. Start ca-service on PostgreSQL in the background and wait until it is healthy.
say "starting ca-service on port $PORT, database $DB, data in $WORK/data"
(cd "$WORK" && SERVER_PORT=$PORT FUJIE_PUBLICHTTP_PORT=-1 \
   SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" SPRING_DATASOURCE_USERNAME="$PGUSER" \
   exec java ${SERVER_JAVA_OPTS:-} -jar "$CA_JAR" >"$WORK/server.log" 2>&1) &
SERVER_PID=$!
for i in $(seq 1 240); do
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "ca-service exited during start-up; its log:" >&2; tail -40 "$WORK/server.log" >&2; exit 1
  fi
  if curl -sk --max-time 2 "https://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"UP"'; then
    say "ca-service (PID $SERVER_PID) healthy after $((i / 2)) s"; break
  fi
  [ "$i" -lt 240 ] || { echo "ca-service not healthy after 120 s" >&2; tail -40 "$WORK/server.log" >&2; exit 1; }
  sleep 0.5
done

# 5. The benchmark: end-to-end, then the signing ceiling with the same CA key, then the summary.
set +e
java ${BENCH_JAVA_OPTS:-} -jar "$BENCH_JAR" --url "https://127.0.0.1:$PORT" --data "$WORK/data" \
  --clients "$CLIENTS" --seconds "$SECONDS_" --warmup "$WARMUP" --server-pid "$SERVER_PID" \
  --out "$REPO/bench/results" "${PASS[@]}" 2>&1 | tee "$WORK/bench.log"
BENCH_RC=${PIPESTATUS[0]}
set -e

# 6. Stop the service (the EXIT trap does it too, on any failure) and print the summary once more.
stop_server
echo
sed -n '/^== Fujie issuance benchmark/,$p' "$WORK/bench.log"
exit "$BENCH_RC"
