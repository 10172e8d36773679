#!/usr/bin/env bash
# The issuance benchmark in one command: builds what is missing, starts a fresh ca-service on a fresh
# PostgreSQL database and data directory, runs bench/target/bench-*.jar against it (end-to-end rate and
# latency, then the signing ceiling), stops the service and prints the summary. See bench/README.md.
#
#   bench/run-issuance.sh [--clients 32] [--seconds 20] [--warmup auto|S] [--ca-backend software|pkcs11|both]
#                         [any other benchmark option]
#
# --ca-backend pkcs11 makes a SoftHSM2 token in the work directory and routes every CA key to it
# (fujie.keys.routes.ca=hsm), so the bootstrap root and issuing CA are made in the token; the run fails unless
# GET /api/v1/cas/issuing says keyBackend "hsm". both: software, then pkcs11 (two starts, a fresh database and
# data directory each), and the ratio pkcs11 / software.
#
# Environment: BENCH_PORT (HTTPS port of the service started here, default 18443), BENCH_DB (database,
# default fujie_bench, dropped and re-created), PGHOST/PGPORT/PGUSER (default 127.0.0.1/5432/postgres,
# trust authentication), SERVER_JAVA_OPTS / BENCH_JAVA_OPTS (extra JVM options), BENCH_KEEP=1 (keep
# the data directory, server log and database afterwards).
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
# The services run with deploy/jvm.options, as ./fujie starts them; SERVER_JAVA_OPTS adds to those.
SERVER_JAVA_OPTS="$("$REPO/bench/service-jvm-options.sh") ${SERVER_JAVA_OPTS:-}"
CA_JAR="$REPO/ca-service/target/ca-service-0.1.0-SNAPSHOT-exec.jar"
BENCH_JAR="$REPO/bench/target/bench-0.1.0-SNAPSHOT.jar"
PORT=${BENCH_PORT:-18443}
DB=${BENCH_DB:-fujie_bench}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}

SOFTHSM_LIBRARY=/usr/lib/softhsm/libsofthsm2.so
CLIENTS=32 SECONDS_=20 WARMUP=auto CA_BACKEND=software PASS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --clients) CLIENTS=$2; shift 2 ;;
    --seconds) SECONDS_=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --ca-backend) CA_BACKEND=$2; shift 2 ;;
    --url|--data|--server-pid) echo "run-issuance.sh sets $1 itself" >&2; exit 2 ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) [ $# -ge 2 ] || { echo "option $1 needs a value" >&2; exit 2; }
       PASS+=("$1" "$2"); shift 2 ;;
  esac
done

case "$CA_BACKEND" in
  software) BACKENDS=(software) ;;
  pkcs11) BACKENDS=(pkcs11) ;;
  both) BACKENDS=(software pkcs11) ;;
  *) echo "--ca-backend must be software, pkcs11 or both" >&2; exit 2 ;;
esac
if [ "$CA_BACKEND" != software ]; then
  command -v softhsm2-util >/dev/null && [ -r "$SOFTHSM_LIBRARY" ] \
    || { echo "--ca-backend $CA_BACKEND needs softhsm2 (softhsm2-util, $SOFTHSM_LIBRARY)" >&2; exit 1; }
fi

say() { echo "[run-issuance] $*"; }

# 1. Build what is missing or stale, from this worktree (package -am; nothing is installed into the shared ~/.m2).
"$REPO/bench/build.sh" ca-service,bench

# 2. Nothing may already answer on the port: the benchmark would measure someone else's service.
if curl -sk --max-time 2 "https://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1; then
  echo "something already answers on https://127.0.0.1:$PORT; set BENCH_PORT to a free port" >&2
  exit 1
fi

WORK="" SERVER_PID="" KEEP_ALL=0
declare -A RATE

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

# Removes a finished run's work directory and database unless they are to be kept.
discard_run() {
  if [ "${BENCH_KEEP:-0}" = 1 ] || [ "$KEEP_ALL" = 1 ]; then
    say "kept $WORK (data/, server.log, bench.log) and database $DB"
  else
    rm -rf "$WORK"
    psql -q -d postgres -c "drop database if exists $DB with (force)" >/dev/null 2>&1 || true
  fi
  WORK=""
}

cleanup() {
  local rc=$?
  stop_server
  [ $rc -eq 0 ] || KEEP_ALL=1
  [ -z "$WORK" ] || discard_run
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# One service start and benchmark with the CA keys in BACKEND (software or pkcs11).
run_backend() {
  local backend=$1
  local -a service_env=() bench_env=()
  say "=== CA keys in the $backend backend"
  # 3. A fresh database and a fresh data directory: the bootstrap and the database state go together.
  psql -q -v ON_ERROR_STOP=1 -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB" >/dev/null
  WORK=$(mktemp -d "${TMPDIR:-/tmp}/fujie-bench.XXXXXX")

  if [ "$backend" = pkcs11 ]; then
    # A SoftHSM2 token of this run only; ca-service finds it by label, the ceiling by the slot softhsm2-util gives.
    local label=fujie-bench-ca pin=1234-bench-pin
    mkdir -p "$WORK/tokens"
    printf 'directories.tokendir = %s\nobjectstore.backend = file\nlog.level = ERROR\n' "$WORK/tokens" >"$WORK/softhsm2.conf"
    (umask 077 && printf '%s\n' "$pin" >"$WORK/hsm.pin")
    local made slot
    made=$(SOFTHSM2_CONF="$WORK/softhsm2.conf" softhsm2-util --init-token --free --label "$label" \
             --pin "$pin" --so-pin 5678-bench-so-pin 2>&1) || { echo "softhsm2-util failed: $made" >&2; return 1; }
    slot=$(sed -n 's/.*reassigned to slot \([0-9]*\).*/\1/p' <<<"$made")
    [ -n "$slot" ] || { echo "no slot in softhsm2-util's answer: $made" >&2; return 1; }
    say "SoftHSM2 token $label in slot $slot ($WORK/tokens)"
    service_env=(SOFTHSM2_CONF="$WORK/softhsm2.conf" FUJIE_KEYS_BACKENDS_HSM_TYPE=pkcs11
      FUJIE_KEYS_BACKENDS_HSM_LIBRARY="$SOFTHSM_LIBRARY" FUJIE_KEYS_BACKENDS_HSM_TOKENLABEL="$label"
      FUJIE_KEYS_BACKENDS_HSM_PINFILE="$WORK/hsm.pin" FUJIE_KEYS_ROUTES_CA=hsm)
    bench_env=(SOFTHSM2_CONF="$WORK/softhsm2.conf" BENCH_CA_PKCS11_SLOT="$slot" BENCH_CA_PKCS11_LIBRARY="$SOFTHSM_LIBRARY"
      BENCH_CA_PKCS11_PIN_FILE="$WORK/hsm.pin")
  fi

  # 4. Start ca-service on PostgreSQL in the background and wait until it is healthy.
  say "starting ca-service on port $PORT, database $DB, data in $WORK/data"
  (cd "$WORK" && exec env "${service_env[@]}" SERVER_PORT=$PORT FUJIE_PUBLICHTTP_PORT=-1 \
     SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" SPRING_DATASOURCE_USERNAME="$PGUSER" \
     java ${SERVER_JAVA_OPTS:-} -jar "$CA_JAR" >"$WORK/server.log" 2>&1) &
  SERVER_PID=$!
  for i in $(seq 1 240); do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      echo "ca-service exited during start-up; its log:" >&2; tail -40 "$WORK/server.log" >&2; return 1
    fi
    if curl -sk --max-time 2 "https://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"UP"'; then
      say "ca-service (PID $SERVER_PID) healthy after $((i / 2)) s"; break
    fi
    [ "$i" -lt 240 ] || { echo "ca-service not healthy after 120 s" >&2; tail -40 "$WORK/server.log" >&2; return 1; }
    sleep 0.5
  done

  # 4b. Where the issuing CA's key is, as the service reports it; the pkcs11 run must not measure software keys.
  local ca expected=software
  [ "$backend" = software ] || expected=hsm
  ca=$(curl -sk --max-time 10 --cert-type P12 --cert "$WORK/data/bootstrap/admin.p12:$(cat "$WORK/data/bootstrap/admin.pass")" \
         "https://127.0.0.1:$PORT/api/v1/cas/issuing") || { echo "GET /api/v1/cas/issuing failed" >&2; return 1; }
  if ! grep -q "\"keyBackend\":\"$expected\"" <<<"$ca"; then
    echo "the issuing CA's keyBackend is not \"$expected\": $(sed 's/"certificatePem":"[^"]*"/"certificatePem":"..."/' <<<"$ca")" >&2
    return 1
  fi
  say "issuing CA: $(grep -o '"keyBackend":"[^"]*","keyAlias":"[^"]*","keyStatus":"[^"]*"' <<<"$ca")"

  # 5. The benchmark: end-to-end, then the signing ceiling with the same CA key, then the summary.
  set +e
  env "${bench_env[@]}" java ${BENCH_JAVA_OPTS:-} -jar "$BENCH_JAR" --url "https://127.0.0.1:$PORT" --data "$WORK/data" \
    --clients "$CLIENTS" --seconds "$SECONDS_" --warmup "$WARMUP" --server-pid "$SERVER_PID" \
    --out "$REPO/bench/results" --label "ca-backend $backend" "${PASS[@]}" 2>&1 | tee "$WORK/bench.log"
  local rc=${PIPESTATUS[0]}
  set -e

  # 6. Stop the service (the EXIT trap does it too, on any failure) and print the summary once more.
  stop_server
  echo
  sed -n '/^== Fujie issuance benchmark/,$p' "$WORK/bench.log"
  RATE[$backend]=$(sed -n 's/^\[bench\] end-to-end: \([0-9]*\) certificates\/s.*/\1/p' "$WORK/bench.log" | tail -1)
  [ "$rc" -eq 0 ] || { KEEP_ALL=1; return "$rc"; }
  discard_run
}

for backend in "${BACKENDS[@]}"; do
  run_backend "$backend"
done
if [ "${#BACKENDS[@]}" -gt 1 ]; then
  echo
  echo "== CA key backends, same clients and options, two service starts (software first)"
  echo "| CA key backend | certificates/s | ÷ software |"
  echo "|---|---|---|"
  echo "| software | ${RATE[software]} | 1 |"
  echo "| pkcs11 (SoftHSM2) | ${RATE[pkcs11]} | $(awk -v a="${RATE[pkcs11]}" -v b="${RATE[software]}" 'BEGIN { printf "**%.3f**", a / b }') |"
fi
