#!/usr/bin/env bash
# The login benchmark in one command: builds what is missing, starts a fresh ca-service and trust-service on one fresh
# data directory and two fresh PostgreSQL databases, runs org.fujie.bench.login.LoginBench against them (N EC-P256
# users made through ca-service, checks, logins per second at each client count with the validation and challenge
# references, the in-process crypto ceiling), stops both services and prints the summary. See bench/README.md.
#
#   bench/run-login.sh [--clients 16,64] [--users 500] [--seconds 20] [any other LoginBench option]
#
# Environment: BENCH_CA_PORT / BENCH_TRUST_PORT (HTTPS, default 18443 / 18445), BENCH_OCSP_PORT (ca-service's plain
# HTTP for OCSP and CRLs, default 18080), BENCH_DB (database name prefix, default fujie_bench: <prefix>_ca and
# <prefix>_trust, dropped and re-created), PGHOST/PGPORT/PGUSER (default 127.0.0.1/5432/postgres, trust
# authentication), SERVER_JAVA_OPTS / BENCH_JAVA_OPTS (extra JVM options of both services / of the load generator),
# BENCH_KEEP=1 (keep the data directory, logs and databases).
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
# The services run with deploy/jvm.options, as ./fujie starts them; SERVER_JAVA_OPTS adds to those.
SERVER_JAVA_OPTS="$("$REPO/bench/service-jvm-options.sh") ${SERVER_JAVA_OPTS:-}"
BENCH_JAR="$REPO/bench/target/bench-0.1.0-SNAPSHOT.jar"
CA_PORT=${BENCH_CA_PORT:-18443} TRUST_PORT=${BENCH_TRUST_PORT:-18445} OCSP_PORT=${BENCH_OCSP_PORT:-18080}
DB=${BENCH_DB:-fujie_bench}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}

for arg in "$@"; do
  case "$arg" in
    --trust-url|--ca-url|--data|--trust-pid|--ca-pid) echo "run-login.sh sets $arg itself" >&2; exit 2 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
  esac
done

say() { echo "[run-login] $*"; }

# 1. Build what is missing or stale, from this worktree (package -am; nothing is installed into the shared ~/.m2).
"$REPO/bench/build.sh" ca-service,trust-service,bench

# 2. Nothing may already answer on the ports: the benchmark would measure someone else's services.
for port in "$CA_PORT" "$TRUST_PORT" "$OCSP_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is in use; set BENCH_CA_PORT / BENCH_TRUST_PORT / BENCH_OCSP_PORT to free ports" >&2
    exit 1
  fi
done

# 3. Fresh databases (one per service: each keeps its own Flyway history) and a fresh data directory.
for db in "${DB}_ca" "${DB}_trust"; do
  psql -q -v ON_ERROR_STOP=1 -d postgres -c "drop database if exists $db with (force)" -c "create database $db" >/dev/null
done
WORK=$(mktemp -d "${TMPDIR:-/tmp}/fujie-bench-login.XXXXXX")
declare -A PIDS=()

stop_service() {
  local name=$1 pid=${PIDS[$1]:-}
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then
      say "$name $pid did not stop in 15 s; killing it"
      kill -9 "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
    say "$name (PID $pid) stopped"
  fi
  PIDS[$name]=""
}

cleanup() {
  local rc=$?
  stop_service trust-service
  stop_service ca-service
  if [ "${BENCH_KEEP:-0}" = 1 ] || [ $rc -ne 0 ]; then
    say "kept $WORK (data/, *.log, bench.log) and databases ${DB}_ca, ${DB}_trust"
  else
    rm -rf "$WORK"
    for db in "${DB}_ca" "${DB}_trust"; do
      psql -q -d postgres -c "drop database if exists $db with (force)" >/dev/null 2>&1 || true
    done
  fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# 4. Start a service on PostgreSQL in the background and wait until it is healthy: start NAME PORT DB [--arg ...].
start() {
  local name=$1 port=$2 db=$3
  shift 3
  say "starting $name on port $port, database $db"
  (cd "$WORK" && SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" SPRING_DATASOURCE_USERNAME="$PGUSER" \
     exec java ${SERVER_JAVA_OPTS:-} -jar "$REPO/$name/target/$name-0.1.0-SNAPSHOT-exec.jar" \
       --fujie.data-dir="$WORK/data" --server.port="$port" "$@" >"$WORK/$name.log" 2>&1) &
  PIDS[$name]=$!
  for i in $(seq 1 240); do
    if ! kill -0 "${PIDS[$name]}" 2>/dev/null; then
      echo "$name exited during start-up; its log:" >&2; tail -40 "$WORK/$name.log" >&2; exit 1
    fi
    if curl -sk --max-time 2 "https://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; then
      say "$name (PID ${PIDS[$name]}) healthy after $((i / 2)) s"; return
    fi
    sleep 0.5
  done
  echo "$name not healthy after 120 s" >&2; tail -40 "$WORK/$name.log" >&2; exit 1
}

# ca-service first (it bootstraps the PKI into the data directory); its certificates name the OCSP port it really
# listens on, and it accepts trust-service's tokens. trust-service then takes the root from the bootstrap as its
# anchor. Non-default on top of the ports: the failure throttle per address (all load comes from 127.0.0.1) and the
# token issuer (trust-service's real URL, as the ports differ from the defaults).
ISSUER="https://127.0.0.1:$TRUST_PORT"
start ca-service "$CA_PORT" "${DB}_ca" --fujie.public-http.port="$OCSP_PORT" \
  --fujie.public-base-url="http://127.0.0.1:$OCSP_PORT" --fujie.auth.jwks-uri="$ISSUER/.well-known/jwks.json" \
  --fujie.auth.issuer="$ISSUER"
start trust-service "$TRUST_PORT" "${DB}_trust" --fujie.public-http.port=-1 \
  --fujie.tsa.ca-url="https://127.0.0.1:$CA_PORT" --fujie.auth.issuer="$ISSUER" \
  --fujie.auth.max-failures-per-address=1000000000

# 5. The benchmark, then the summary.
set +e
java ${BENCH_JAVA_OPTS:-} -cp "$BENCH_JAR" org.fujie.bench.login.LoginBench --trust-url "https://127.0.0.1:$TRUST_PORT" \
  --ca-url "https://127.0.0.1:$CA_PORT" --data "$WORK/data" --trust-pid "${PIDS[trust-service]}" \
  --ca-pid "${PIDS[ca-service]}" --out "$REPO/bench/results" "$@" 2>&1 | tee "$WORK/bench.log"
BENCH_RC=${PIPESTATUS[0]}
set -e

stop_service trust-service
stop_service ca-service
echo
sed -n '/^== Fujie login benchmark/,$p' "$WORK/bench.log"
exit "$BENCH_RC"
