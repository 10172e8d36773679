#!/usr/bin/env bash
# The OCSP benchmark in one command: builds what is missing, starts a fresh ca-service (fresh PostgreSQL
# database and data directory, plain-HTTP public port on), issues N certificates through its API and
# revokes 10 %, starts OpenSSL's own responder (`openssl ocsp -index -multi 2`) on the same CA and
# certificates, checks every answer of both, loads both with wrk from the same request set (80 % good,
# 10 % revoked, 10 % unknown), then revokes up to 100,000 certificates and times one revocation and the
# full CRL. Stops everything it started and prints the summary. See bench/README.md, "OCSP benchmark".
# --algorithms EC-P256,SM2 adds, on the same service, an SM2 root and issuing CA (made through the API),
# N certificates from SM2 CSRs, their checks and wrk rows (no OpenSSL peer: OpenSSL 3.0 cannot sign SM2
# with a user ID), rows of requests with a nonce (signed one by one) for each CA, and the raw signing
# rate of each CA key, every Fujie row being reported as a ratio to it.
#
#   bench/run-ocsp.sh [--certificates 10000] [--revoked 100000 (0 skips)] [--seconds 10]
#                     [--connections 16] [--high 64] [--clients 16] [--label TEXT]
#                     [--algorithms EC-P256|EC-P256,SM2] [--nonce-rows auto|yes|no (auto: yes with SM2)]
#
# Environment: BENCH_PORT (HTTPS API, default 18443), BENCH_PUBLIC_PORT (plain-HTTP /pki/, 18080),
# BENCH_OPENSSL_PORT (OpenSSL's responder, 18888), BENCH_DB (default fujie_bench_ocsp, dropped and
# re-created), PGHOST/PGPORT/PGUSER (127.0.0.1/5432/postgres, trust authentication), SERVER_JAVA_OPTS /
# BENCH_JAVA_OPTS (extra JVM options), BENCH_KEEP=1 (keep the work directory and the database).
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
# The services run with deploy/jvm.options, as ./fujie starts them; SERVER_JAVA_OPTS adds to those.
SERVER_JAVA_OPTS="$("$REPO/bench/service-jvm-options.sh") ${SERVER_JAVA_OPTS:-}"
CA_JAR="$REPO/ca-service/target/ca-service-0.1.0-SNAPSHOT-exec.jar"
BENCH_JAR="$REPO/bench/target/bench-0.1.0-SNAPSHOT.jar"
PORT=${BENCH_PORT:-18443} PUB=${BENCH_PUBLIC_PORT:-18080} OPORT=${BENCH_OPENSSL_PORT:-18888}
DB=${BENCH_DB:-fujie_bench_ocsp}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
CERTS=10000 REVOKED=100000 SECS=10 CONNS=16 HIGH=64 CLIENTS=16 LABEL="" ALGS=EC-P256 NONCE=auto
while [ $# -gt 0 ]; do
  case "$1" in
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    --certificates|--revoked|--seconds|--connections|--high|--clients|--label|--algorithms|--nonce-rows)
      [ $# -ge 2 ] || { echo "option $1 needs a value" >&2; exit 2; }
      case "$1" in
        --certificates) CERTS=$2 ;; --revoked) REVOKED=$2 ;; --seconds) SECS=$2 ;; --connections) CONNS=$2 ;;
        --high) HIGH=$2 ;; --clients) CLIENTS=$2 ;; --label) LABEL=$2 ;; --algorithms) ALGS=$2 ;; --nonce-rows) NONCE=$2 ;;
      esac
      shift 2 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
case ",$ALGS," in
  ,EC-P256,) SM2=no ;; ,EC-P256,SM2,|,SM2,EC-P256,) SM2=yes ;;
  *) echo "--algorithms is EC-P256 or EC-P256,SM2 (the EC run is the OpenSSL comparison)" >&2; exit 2 ;;
esac
[ "$NONCE" = auto ] && NONCE=$SM2
case "$NONCE" in yes|no) ;; *) echo "--nonce-rows is auto, yes or no" >&2; exit 2 ;; esac
for tool in java curl psql openssl wrk jq pgrep; do
  command -v "$tool" >/dev/null || { echo "run-ocsp.sh needs $tool (wrk: apt-get install -y wrk)" >&2; exit 1; }
done

say() { echo "[run-ocsp] $*"; }
read -r -a SERVER_OPTS <<<"${SERVER_JAVA_OPTS:-}"
read -r -a BENCH_OPTS <<<"${BENCH_JAVA_OPTS:-}"
bench() { java "${BENCH_OPTS[@]}" -cp "$BENCH_JAR" org.fujie.bench.ocsp.OcspBench "$@"; }

# 1. Build what is missing or stale, from this worktree (package -am; nothing is installed into the shared ~/.m2).
"$REPO/bench/build.sh" ca-service,bench

# 2. The ports must be free: the benchmark would measure someone else's server.
for p in "$PORT" "$PUB" "$OPORT"; do
  if ss -Htln "sport = :$p" | grep -q .; then echo "port $p is in use; see the environment in --help" >&2; exit 1; fi
done

# 3. A fresh database and work directory; cleanup stops what was started, by PID, on any exit.
psql -q -v ON_ERROR_STOP=1 -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB" >/dev/null
WORK=$(mktemp -d "${TMPDIR:-/tmp}/fujie-ocsp.XXXXXX")
SERVER_PID="" OSSL_PID=""

stop_openssl() {  # the parent respawns children and orphaned children keep running: stop it, then kill all
  if [ -n "$OSSL_PID" ] && kill -0 "$OSSL_PID" 2>/dev/null; then
    kill -STOP "$OSSL_PID" 2>/dev/null || true
    local kids; kids=$(pgrep -P "$OSSL_PID" | tr '\n' ' ' || true)
    kill -9 "$OSSL_PID" 2>/dev/null || true
    for kid in $kids; do kill -9 "$kid" 2>/dev/null || true; done
    wait "$OSSL_PID" 2>/dev/null || true
    say "openssl ocsp stopped (PID $OSSL_PID, children $kids)"
  fi
  OSSL_PID=""
}
stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    say "ca-service (PID $SERVER_PID) stopped"
  fi
  SERVER_PID=""
}
cleanup() {
  local rc=$?
  stop_openssl
  stop_server
  if [ "${BENCH_KEEP:-0}" = 1 ] || [ $rc -ne 0 ]; then
    say "kept $WORK (server.log, openssl.log, wrk logs, requests) and database $DB"
  else
    rm -rf "$WORK"
    psql -q -d postgres -c "drop database if exists $DB with (force)" >/dev/null 2>&1 || true
  fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# 4. ca-service with its plain-HTTP public port (OCSP, CRLs, CA certificates) on.
say "starting ca-service: API https://127.0.0.1:$PORT, public http://127.0.0.1:$PUB, database $DB, work $WORK"
(cd "$WORK" && SERVER_PORT=$PORT SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
   SPRING_DATASOURCE_USERNAME="$PGUSER" exec java "${SERVER_OPTS[@]}" -jar "$CA_JAR" \
   "--fujie.public-http.port=$PUB" "--fujie.public-base-url=http://127.0.0.1:$PUB" >"$WORK/server.log" 2>&1) &
SERVER_PID=$!
for i in $(seq 1 240); do
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "ca-service exited during start-up:" >&2; tail -40 "$WORK/server.log" >&2; exit 1; }
  if curl -sk --max-time 2 "https://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"UP"'; then
    say "ca-service (PID $SERVER_PID) healthy after $((i / 2)) s"; break
  fi
  [ "$i" -lt 240 ] || { echo "ca-service not healthy after 120 s" >&2; tail -40 "$WORK/server.log" >&2; exit 1; }
  sleep 0.5
done

# 5. Certificates, revocations, the OpenSSL responder's certificate, index.txt and the request set.
bench prepare --dir "$WORK" --url "https://127.0.0.1:$PORT" --data "$WORK/data" --public "http://127.0.0.1:$PUB" \
  --certificates "$CERTS" --clients "$CLIENTS"
openssl pkcs12 -in "$WORK/responder.p12" -passin "file:$WORK/responder.pass" -nokeys -clcerts -out "$WORK/responder.pem"
openssl pkcs12 -in "$WORK/responder.p12" -passin "file:$WORK/responder.pass" -nocerts -nodes -out "$WORK/responder.key" 2>/dev/null

# 6. OpenSSL's responder on the same CA and certificates, signing with its delegated EC P-256 key. Started
#    afresh for each use: once a client has closed a connection without a request (wrk does, when it
#    stops), its children spin on the CPU and never answer again (OpenSSL 3.0.19, with or without -ignore_err).
start_openssl() {
  (cd "$WORK" && exec openssl ocsp -index index.txt -port "$OPORT" -rsigner responder.pem -rkey responder.key \
     -CA issuing.pem -multi 2 -nmin 60 >>"$WORK/openssl.log" 2>&1) &
  OSSL_PID=$!
  for _ in $(seq 1 50); do ss -Htln "sport = :$OPORT" | grep -q . && break; sleep 0.1; done
  sleep 0.2  # the children start after the parent listens
  say "openssl ocsp (PID $OSSL_PID, children $(pgrep -P "$OSSL_PID" | tr '\n' ' ')) on port $OPORT"
}
start_openssl

# 7. Every answer of both checked (Bouncy Castle), then a few with openssl's own client.
FUJIE_URL="http://127.0.0.1:$PUB/pki/ocsp" OSSL_URL="http://127.0.0.1:$OPORT/"
bench check --dir "$WORK" --name fujie --ocsp "$FUJIE_URL" --get 100 --wait 60
bench check --dir "$WORK" --name openssl --ocsp "$OSSL_URL"
[ "$NONCE" = no ] || bench check --dir "$WORK" --name fujie-nonce --ocsp "$FUJIE_URL" --requests requests-nonce.tsv
awk -F'\t' '!seen[$1]++ {print $1, $2}' "$WORK/requests.tsv" | while read -r kind serial; do
  for url in "$FUJIE_URL" "$OSSL_URL"; do
    got=$(openssl ocsp -issuer "$WORK/issuing.pem" -serial "0x$serial" -url "$url" -CAfile "$WORK/data/bootstrap/trust-chain.pem" \
          -no_nonce 2>&1)
    if ! grep -q "Response verify OK" <<<"$got" || ! grep -q "^0x$serial: $kind" <<<"$got"; then
      echo "openssl ocsp client: wrong answer from $url for $kind 0x$serial:" >&2; echo "$got" >&2; exit 1
    fi
  done
  say "openssl ocsp client agrees with both responders: $kind"
done

# 8. Load: wrk cycles through the same DER requests for both (Lua below), one thread, the same settings.
cat >"$WORK/ocsp.lua" <<'LUA'
-- POSTs the requests of requests.tsv (4th column, hex DER) in turn; writes a JSON line when done.
local requests, n = {}, 0
function init(args)
  for line in io.lines(os.getenv("OCSP_REQUESTS")) do
    local der = line:match("\t(%x+)$"):gsub("%x%x", function(h) return string.char(tonumber(h, 16)) end)
    requests[#requests + 1] = wrk.format("POST", wrk.path, { ["Content-Type"] = "application/ocsp-request" }, der)
  end
  n = math.random(#requests)
end
function request()
  n = n % #requests + 1
  return requests[n]
end
function done(s, latency, _)
  local out = io.open(os.getenv("OCSP_RESULT"), "w")
  out:write(string.format('{"requests":%d,"seconds":%.3f,"rps":%.1f,"p50_ms":%.3f,"p90_ms":%.3f,"p99_ms":%.3f,'
    .. '"max_ms":%.3f,"mean_ms":%.3f,"errors_connect":%d,"errors_read":%d,"errors_write":%d,"errors_status":%d,'
    .. '"errors_timeout":%d}\n', s.requests, s.duration / 1e6, s.requests / (s.duration / 1e6),
    latency:percentile(50) / 1e3, latency:percentile(90) / 1e3, latency:percentile(99) / 1e3, latency.max / 1e3,
    latency.mean / 1e3, s.errors.connect, s.errors.read, s.errors.write, s.errors.status, s.errors.timeout))
  out:close()
end
LUA
# CPU ticks of the script's finished children (wrk): `times` in this shell, not in a $(...) subshell.
children() { times >"$WORK/times"; CHILD=$(awk 'NR == 2 {split($1 " " $2, t, /[ms ]/); print (t[1] * 60 + t[2] + t[4] * 60 + t[5]) * 100}' "$WORK/times"); }
ticks() { for p in "$@"; do sed 's/.*) //' "/proc/$p/stat" 2>/dev/null; done | awk '{t += $12 + $13} END {print t + 0}'; }
busy() { awk 'NR == 1 {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
ROW=0
REQS="$WORK/requests.tsv"  # the request set wrk sends (requests.tsv lines, 4th column hex DER)
wrk_row() {  # name url connections seconds pids...: one measured row of $REQS, labelled, in $WORK/wrk-NN-name-cC.json
  local name=$1 url=$2 c=$3 s=$4; shift 4
  local t0 b0 g0 t1 b1 g1 w0 w1 p0 p1 file pg
  pg=$(pgrep -x postgres | tr '\n' ' ' || true)  # the whole PostgreSQL server: the uncached (nonce) path reads statuses
  # shellcheck disable=SC2086 # one PID per word
  p0=$(ticks $pg); t0=$(ticks "$@"); b0=$(busy); children; g0=$CHILD; w0=$(date +%s%N)
  OCSP_REQUESTS="$REQS" OCSP_RESULT="$WORK/row.json" \
    wrk -t1 "-c$c" "-d${s}s" --latency --timeout 5s -s "$WORK/ocsp.lua" "$url" >"$WORK/wrk-$name-c$c.log" 2>&1
  # shellcheck disable=SC2086
  t1=$(ticks "$@"); p1=$(ticks $pg); b1=$(busy); children; g1=$CHILD; w1=$(date +%s%N)
  ROW=$((ROW + 1)); file=$(printf '%s/wrk-%02d-%s-c%s.json' "$WORK" "$ROW" "$name" "$c")
  jq -c --arg r "$name" --argjson c "$c" --argjson cpu "$(( (t1 - t0) * 10000000 ))" --argjson all "$(( (b1 - b0) * 10000000 ))" \
     --argjson wrk "$(awk -v a="$g0" -v b="$g1" 'BEGIN {printf "%d", (b - a) * 10000000}')" --argjson wall "$((w1 - w0))" \
     --argjson pg "$(( (p1 - p0) * 10000000 ))" \
     '{responder: $r, connections: $c, threads: 1} + . + {cpu_responder_cores: ($cpu / $wall), cpu_wrk_cores: ($wrk / $wall),
       cpu_postgres_cores: ($pg / $wall), cpu_machine_cores: ($all / $wall),
       cpu_other_cores: (($all - $cpu - $wrk - $pg) / $wall)}' "$WORK/row.json" >"$file"
  say "$(jq -r '"\(.responder) c\(.connections): \(.rps | floor) responses/s, p50 \(.p50_ms) ms, p99 \(.p99_ms) ms, errors \(.errors_connect + .errors_read + .errors_write + .errors_status + .errors_timeout)"' "$file")"
}
# The service's JIT compiles for a while: 10 s rounds at the high concurrency until the rate is flat.
warm_up() {  # name rounds: rounds of $REQS at --high connections, until the rate changes by less than 5 %
  local name=$1 rounds=$2 prev=0 rate round
  for round in $(seq 1 "$rounds"); do
    OCSP_REQUESTS="$REQS" OCSP_RESULT="$WORK/warm.json" \
      wrk -t1 "-c$HIGH" -d10s --timeout 5s -s "$WORK/ocsp.lua" "$FUJIE_URL" >/dev/null 2>&1
    rate=$(jq '.rps | floor' "$WORK/warm.json")
    say "warm-up $round: $name $rate responses/s"
    [ "$round" -ge 2 ] && [ $((rate * 100)) -le $((prev * 105)) ] && break
    prev=$rate
  done
}
warm_up fujie 6
for c in "$CONNS" "$HIGH"; do
  stop_openssl; start_openssl
  # shellcheck disable=SC2046 # one PID per word
  wrk_row openssl "$OSSL_URL" "$c" "$SECS" "$OSSL_PID" $(pgrep -P "$OSSL_PID")
  stop_openssl
  wrk_row fujie "$FUJIE_URL" "$c" "$SECS" "$SERVER_PID"
done
if [ "$NONCE" = yes ]; then  # every answer signed for its request: the signing path
  REQS="$WORK/requests-nonce.tsv"; warm_up fujie-nonce 3
  wrk_row fujie-nonce "$FUJIE_URL" "$CONNS" "$SECS" "$SERVER_PID"
fi

# 8b. SM2: its own CA, certificates and request sets on the same service; the same checks and rows, no OpenSSL peer.
if [ "$SM2" = yes ]; then
  S="$WORK/sm2"
  bench prepare --dir "$S" --algorithm SM2 --url "https://127.0.0.1:$PORT" --data "$WORK/data" --public "http://127.0.0.1:$PUB" \
    --certificates "$CERTS" --clients "$CLIENTS"
  cp "$S/fixture.properties" "$WORK/fixture-SM2.properties"
  bench check --dir "$S" --name fujie-sm2 --ocsp "$FUJIE_URL" --get 100 --wait 60
  [ "$NONCE" = no ] || bench check --dir "$S" --name fujie-sm2-nonce --ocsp "$FUJIE_URL" --requests requests-nonce.tsv
  cp "$S"/check-*.json "$WORK/"
  # OpenSSL's client reads the statuses; it cannot check SM2 signatures with an ID (the check step did, by Bouncy Castle).
  awk -F'\t' '!seen[$1]++ {print $1, $2}' "$S/requests.tsv" | while read -r kind serial; do
    got=$(openssl ocsp -issuer "$S/issuing.pem" -serial "0x$serial" -url "$FUJIE_URL" -noverify -no_nonce 2>&1)
    grep -q "^0x$serial: $kind" <<<"$got" || { echo "openssl ocsp client: wrong SM2 answer for $kind 0x$serial:" >&2; echo "$got" >&2; exit 1; }
    say "openssl ocsp client reads the SM2 CA's answer right (status only): $kind"
  done
  REQS="$S/requests.tsv"; warm_up fujie-sm2 6
  for c in "$CONNS" "$HIGH"; do wrk_row fujie-sm2 "$FUJIE_URL" "$c" "$SECS" "$SERVER_PID"; done
  if [ "$NONCE" = yes ]; then
    REQS="$S/requests-nonce.tsv"; warm_up fujie-sm2-nonce 3
    wrk_row fujie-sm2-nonce "$FUJIE_URL" "$CONNS" "$SECS" "$SERVER_PID"
  fi
fi

# 8c. The raw signing rate of each CA key, in process, the service idle: what each Fujie row is divided by.
if [ "$SM2" = yes ] || [ "$NONCE" = yes ]; then
  bench rate --dir "$WORK" --data "$WORK/data" --algorithms "$ALGS" --seconds 5 --server-pid "$SERVER_PID"
fi

# 9. Revocation at scale: one revocation and the full CRL with --revoked entries; openssl counts them too.
if [ "$REVOKED" -gt 0 ]; then
  bench scale --dir "$WORK" --url "https://127.0.0.1:$PORT" --data "$WORK/data" --public "http://127.0.0.1:$PUB" \
    --revoked "$REVOKED" --clients "$CLIENTS"
  listed=$(openssl crl -inform DER -in "$WORK/issuing.crl" -noout -text | grep -c 'Serial Number' || true)
  say "openssl crl lists $listed serial numbers"
  jq -c --argjson n "$listed" '. + {crl_entries_openssl: $n}' "$WORK/scale.json" >"$WORK/scale.tmp" && mv "$WORK/scale.tmp" "$WORK/scale.json"
  [ "$listed" = "$(jq .crl_entries "$WORK/scale.json")" ] || { echo "openssl and Bouncy Castle count different CRL entries" >&2; exit 1; }
fi

# 10. Stop the service, then the summary (printed, and written to bench/results as .txt and .json).
stop_server
bench report --dir "$WORK" --out "$REPO/bench/results" --label "$LABEL"
