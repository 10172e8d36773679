#!/usr/bin/env bash
# The TSA benchmark in one command: builds what is missing, starts a fresh ca-service and trust-service (embedded
# H2, a fresh data directory under $TMPDIR, free ports), waits until trust-service's RFC 3161 TSA grants a stamp,
# makes N DER time-stamp queries (SHA-256 imprints, nonces, certReq), checks every reply with Bouncy Castle and a
# sample with `openssl ts -verify`, loads POST /tsa with wrk (warm-up, 1 connection, then two concurrencies), measures
# the peers in the same run: raw EC-P256 signatures with the TSA's own key and pki-core's TimeStampAuthority
# in-process (same JVM kind), and `openssl ts -reply` in a loop (a process per stamp). Stops everything it
# started, by PID, and writes the summary to bench/results/tsa-<time>.txt (and .json). See bench/README.md,
# "TSA benchmark".
#
#   bench/run-tsa.sh [--queries 1000] [--samples 20] [--seconds 15] [--connections 16] [--high 64]
#                    [--ceiling-seconds 10 (0 skips)] [--openssl-seconds 5 (0 skips)] [--label TEXT]
#
# Environment: BENCH_CA_PORT, BENCH_CA_PUBLIC_PORT, BENCH_TRUST_PORT, BENCH_TRUST_PUBLIC_PORT (default: the first
# free ports from 18443, 18080, 18445, 18082), SERVER_JAVA_OPTS (both services) / BENCH_JAVA_OPTS (the Java
# steps), BENCH_KEEP=1 (keep the work directory: logs, data, queries, replies, wrk output).
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
# The services run with deploy/jvm.options, as ./fujie starts them; SERVER_JAVA_OPTS adds to those.
SERVER_JAVA_OPTS="$("$REPO/bench/service-jvm-options.sh") ${SERVER_JAVA_OPTS:-}"
CA_JAR="$REPO/ca-service/target/ca-service-0.1.0-SNAPSHOT-exec.jar"
TRUST_JAR="$REPO/trust-service/target/trust-service-0.1.0-SNAPSHOT-exec.jar"
BENCH_JAR="$REPO/bench/target/bench-0.1.0-SNAPSHOT.jar"
QUERIES=1000 SAMPLES=20 SECS=15 CONNS=16 HIGH=64 CEIL_SECS=10 OSSL_SECS=5 LABEL=""
while [ $# -gt 0 ]; do
  case "$1" in
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    --queries|--samples|--seconds|--connections|--high|--ceiling-seconds|--openssl-seconds|--label)
      [ $# -ge 2 ] || { echo "option $1 needs a value" >&2; exit 2; }
      case "$1" in
        --queries) QUERIES=$2 ;; --samples) SAMPLES=$2 ;; --seconds) SECS=$2 ;; --connections) CONNS=$2 ;;
        --high) HIGH=$2 ;; --ceiling-seconds) CEIL_SECS=$2 ;; --openssl-seconds) OSSL_SECS=$2 ;; --label) LABEL=$2 ;;
      esac
      shift 2 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
for n in "$QUERIES" "$SAMPLES" "$SECS" "$CONNS" "$HIGH" "$CEIL_SECS" "$OSSL_SECS"; do
  [[ $n =~ ^[0-9]+$ ]] || { echo "not a number: $n" >&2; exit 2; }
done
if [ "$SAMPLES" -lt 2 ] || [ "$QUERIES" -lt "$SAMPLES" ]; then echo "--samples must be at least 2 and at most --queries" >&2; exit 2; fi
say() { echo "[run-tsa] $*"; }
for tool in java curl openssl jq ss pgrep; do
  command -v "$tool" >/dev/null || { echo "run-tsa.sh needs $tool" >&2; exit 1; }
done
if ! command -v wrk >/dev/null; then
  say "wrk is missing: apt-get install -y wrk"
  apt-get install -y wrk >/dev/null || { echo "cannot install wrk; install it and run again" >&2; exit 1; }
fi
read -r -a SERVER_OPTS <<<"${SERVER_JAVA_OPTS:-}"
read -r -a BENCH_OPTS <<<"${BENCH_JAVA_OPTS:-}"
bench() { java "${BENCH_OPTS[@]}" -cp "$BENCH_JAR" org.fujie.bench.tsa.TsaBench "$@"; }

# 1. Build if a jar is missing or older than a source file (offline first, then online once). A service jar that
#    a running process uses (someone's ./fujie start) is never rebuilt under it: then only bench is built.
newer_than() { [ -n "$(find "$@" -newer "$JAR_REF" -print -quit 2>/dev/null)" ]; }
SHARED_SRC=("$REPO/pom.xml" "$REPO/pki-core/pom.xml" "$REPO/pki-core/src/main" "$REPO/service-support/pom.xml" "$REPO/service-support/src/main")
services_stale=0
for jar in "$CA_JAR" "$TRUST_JAR"; do
  module=$(basename "$(dirname "$(dirname "$jar")")")
  JAR_REF=$jar
  if [ ! -f "$jar" ] || newer_than "${SHARED_SRC[@]}" "$REPO/$module/pom.xml" "$REPO/$module/src/main"; then services_stale=1; fi
done
JAR_REF=$BENCH_JAR
bench_stale=0
if [ ! -f "$BENCH_JAR" ] || [ ! -d "$REPO/bench/target/lib" ] || newer_than "$REPO/pom.xml" "$REPO/pki-core/src/main" "$REPO/bench/src" "$REPO/bench/pom.xml"; then
  bench_stale=1
fi
JARS_NOTE=""
build() {  # modules: when the build fails but every jar exists, go on with them and say so in the results
  (cd "$REPO" && { ./mvnw -B -o -q install -DskipTests -pl "$1" -am || ./mvnw -B -q install -DskipTests -pl "$1" -am; }) && return
  if [ ! -f "$CA_JAR" ] || [ ! -f "$TRUST_JAR" ] || [ ! -f "$BENCH_JAR" ]; then echo "the build failed and a jar is missing" >&2; exit 1; fi
  JARS_NOTE="the build failed (see above); benchmarked the jars that were there, older than some sources"
  say "NOTE: $JARS_NOTE"
}
if [ "$services_stale" = 1 ]; then
  if [ -f "$CA_JAR" ] && [ -f "$TRUST_JAR" ] && pgrep -f -- "-SNAPSHOT-exec.jar" >/dev/null; then
    JARS_NOTE="the service jars are older than their sources, but a running process used one: benchmarked them as they were"
    say "note: $JARS_NOTE"
    [ "$bench_stale" = 0 ] || { say "building bench ..."; build bench; }
  else
    say "building ca-service, trust-service and bench ..."; build ca-service,trust-service,bench
  fi
elif [ "$bench_stale" = 1 ]; then
  say "building bench ..."; build bench
fi

# 2. Ports: the first free ones from the defaults, or the ones given (which must be free).
TAKEN=" "
pick_port() {  # variable-name default: sets it to a free port not taken by this script already
  local name=$1 p=${!1:-} fixed=1
  [ -n "$p" ] || { p=$2; fixed=0; }
  while ss -Htln "sport = :$p" | grep -q . || [[ $TAKEN == *" $p "* ]]; do
    [ "$fixed" = 0 ] || { echo "port $p ($name) is in use" >&2; exit 1; }
    p=$((p + 1))
  done
  TAKEN="$TAKEN$p "
  printf -v "$name" '%s' "$p"
}
pick_port BENCH_CA_PORT 18443; pick_port BENCH_CA_PUBLIC_PORT 18080
pick_port BENCH_TRUST_PORT 18445; pick_port BENCH_TRUST_PUBLIC_PORT 18082
TSA_URL="http://127.0.0.1:$BENCH_TRUST_PUBLIC_PORT/tsa"

# 3. A fresh work directory (the jars are copied in, so a rebuild meanwhile cannot change them under the run);
#    cleanup stops what was started, by PID, on any exit.
WORK=$(mktemp -d "${TMPDIR:-/tmp}/fujie-tsa.XXXXXX")
DATA="$WORK/data"
cp "$CA_JAR" "$WORK/ca-service.jar"; cp "$TRUST_JAR" "$WORK/trust-service.jar"
CA_PID="" TRUST_PID="" OSSL_PIDS=""
stop_pid() {  # name pid: TERM, KILL after 15 s
  if [ -n "$2" ] && kill -0 "$2" 2>/dev/null; then
    kill "$2" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$2" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$2" 2>/dev/null || true
    wait "$2" 2>/dev/null || true
    say "$1 (PID $2) stopped"
  fi
}
cleanup() {
  local rc=$?
  for p in $OSSL_PIDS; do kill "$p" 2>/dev/null || true; done
  stop_pid trust-service "$TRUST_PID"; TRUST_PID=""
  stop_pid ca-service "$CA_PID"; CA_PID=""
  if [ "${BENCH_KEEP:-0}" = 1 ] || [ $rc -ne 0 ]; then
    say "kept $WORK (ca-service.log, trust-service.log, data/, queries, replies, wrk logs)"
  else
    rm -rf "$WORK"
  fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

wait_healthy() {  # name pid port log
  for i in $(seq 1 240); do
    kill -0 "$2" 2>/dev/null || { echo "$1 exited during start-up:" >&2; tail -40 "$4" >&2; exit 1; }
    if curl -sk --max-time 2 "https://127.0.0.1:$3/actuator/health" 2>/dev/null | grep -q '"UP"'; then
      say "$1 (PID $2) healthy after $((i / 2)) s"; return
    fi
    [ "$i" -lt 240 ] || { echo "$1 not healthy after 120 s" >&2; tail -40 "$4" >&2; exit 1; }
    sleep 0.5
  done
}

# 4. ca-service first (it bootstraps the PKI and both services' TLS certificates into DATA), then trust-service,
#    which asks ca-service's API for its TSA certificate. Embedded H2 for both: any PostgreSQL setting is dropped.
say "work $WORK; ca-service https://127.0.0.1:$BENCH_CA_PORT, trust-service https://127.0.0.1:$BENCH_TRUST_PORT, TSA $TSA_URL"
(cd "$WORK" && exec env -u SPRING_DATASOURCE_URL -u SPRING_DATASOURCE_USERNAME -u SPRING_DATASOURCE_PASSWORD \
   java "${SERVER_OPTS[@]}" -jar "$WORK/ca-service.jar" "--fujie.data-dir=$DATA" "--server.port=$BENCH_CA_PORT" \
   "--fujie.public-http.port=$BENCH_CA_PUBLIC_PORT" "--fujie.public-base-url=http://127.0.0.1:$BENCH_CA_PUBLIC_PORT" \
   >"$WORK/ca-service.log" 2>&1) &
CA_PID=$!
wait_healthy ca-service "$CA_PID" "$BENCH_CA_PORT" "$WORK/ca-service.log"
(cd "$WORK" && exec env -u SPRING_DATASOURCE_URL -u SPRING_DATASOURCE_USERNAME -u SPRING_DATASOURCE_PASSWORD \
   java "${SERVER_OPTS[@]}" -jar "$WORK/trust-service.jar" "--fujie.data-dir=$DATA" "--server.port=$BENCH_TRUST_PORT" \
   "--fujie.public-http.port=$BENCH_TRUST_PUBLIC_PORT" "--fujie.tsa.ca-url=https://127.0.0.1:$BENCH_CA_PORT" \
   >"$WORK/trust-service.log" 2>&1) &
TRUST_PID=$!
wait_healthy trust-service "$TRUST_PID" "$BENCH_TRUST_PORT" "$WORK/trust-service.log"

# 5. The queries; wait until the TSA grants; every reply judged by Bouncy Castle, a sample by openssl.
bench queries --dir "$WORK" --count "$QUERIES" --samples "$SAMPLES"
bench check --dir "$WORK" --url "$TSA_URL" --chain "$DATA/bootstrap/trust-chain.pem" --wait 120
n=0
for q in "$WORK"/q-*.tsq; do
  i=${q##*/q-}; i=${i%.tsq}
  got=$(openssl ts -verify -in "$WORK/r-$i.tsr" -queryfile "$q" -CAfile "$DATA/bootstrap/trust-chain.pem" 2>&1 || true)
  grep -q "^Verification: OK" <<<"$got" || { echo "openssl ts -verify rejects reply $i:" >&2; echo "$got" >&2; exit 1; }
  n=$((n + 1))
done
# The control: a reply against another query must fail, or the check above proves nothing.
if [ "$n" -ge 2 ] && openssl ts -verify -in "$WORK/r-0.tsr" -queryfile "$WORK/q-1.tsq" -CAfile "$DATA/bootstrap/trust-chain.pem" >/dev/null 2>&1; then
  echo "openssl ts -verify accepted reply 0 for query 1: the check is not discriminating" >&2; exit 1
fi
say "openssl ts -verify: Verification: OK for all $n sampled replies (and reply 0 against query 1 rejected)"
echo "$n" >"$WORK/openssl-verified"

# 6. Load: wrk cycles through the same DER queries; the Lua counts granted replies (a wrong TSA fails the run).
#    Warm-up rounds, then one connection for 5 s, then --connections and --high for --seconds each.
cat >"$WORK/tsa.lua" <<'LUA'
-- POSTs the queries of queries.hex (hex DER, one a line) in turn; counts replies that are TimeStampResp with
-- status granted (SEQUENCE, length, then PKIStatusInfo 30 03 02 01 00); writes a JSON line when done.
local queries, n, threads = {}, 0, {}
granted, other = 0, 0
function setup(thread) threads[#threads + 1] = thread end
function init(args)
  for line in io.lines(os.getenv("TSA_QUERIES")) do
    local der = line:gsub("%x%x", function(h) return string.char(tonumber(h, 16)) end)
    queries[#queries + 1] = wrk.format("POST", wrk.path, { ["Content-Type"] = "application/timestamp-query" }, der)
  end
  n = math.random(#queries)
end
function request()
  n = n % #queries + 1
  return queries[n]
end
function response(status, headers, body)
  local len = body:byte(2) or 0
  local at = len < 128 and 3 or 3 + len - 128
  if status == 200 and body:byte(1) == 48 and body:sub(at, at + 4) == "\48\3\2\1\0" then
    granted = granted + 1
  else
    other = other + 1
  end
end
function done(s, latency, _)
  local g, o = 0, 0
  for _, t in ipairs(threads) do g = g + t:get("granted"); o = o + t:get("other") end
  local out = io.open(os.getenv("TSA_RESULT"), "w")
  out:write(string.format('{"requests":%d,"seconds":%.3f,"rps":%.1f,"granted":%d,"not_granted":%d,"p50_ms":%.3f,'
    .. '"p90_ms":%.3f,"p99_ms":%.3f,"max_ms":%.3f,"mean_ms":%.3f,"errors_connect":%d,"errors_read":%d,"errors_write":%d,'
    .. '"errors_status":%d,"errors_timeout":%d}\n', s.requests, s.duration / 1e6, s.requests / (s.duration / 1e6), g, o,
    latency:percentile(50) / 1e3, latency:percentile(90) / 1e3, latency:percentile(99) / 1e3, latency.max / 1e3,
    latency.mean / 1e3, s.errors.connect, s.errors.read, s.errors.write, s.errors.status, s.errors.timeout))
  out:close()
end
LUA
# CPU ticks of the script's finished children (wrk): `times` in this shell, not in a $(...) subshell.
children() { times >"$WORK/times"; CHILD=$(awk 'NR == 2 {split($1 " " $2, t, /[ms ]/); print (t[1] * 60 + t[2] + t[4] * 60 + t[5]) * 100}' "$WORK/times"); }
ticks() { for p in "$@"; do sed 's/.*) //' "/proc/$p/stat" 2>/dev/null; done | awk '{t += $12 + $13} END {print t + 0}'; }
busy() { awk 'NR == 1 {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
run_wrk() {  # connections seconds result-file
  TSA_QUERIES="$WORK/queries.hex" TSA_RESULT="$3" \
    wrk -t1 "-c$1" "-d${2}s" --latency --timeout 5s -s "$WORK/tsa.lua" "$TSA_URL" >>"$WORK/wrk.log" 2>&1
}
wrk_row() {  # kind (warm|row) connections seconds: one round with its CPU use in $WORK/KIND-N-cC.json
  local kind=$1 c=$2 s=$3 t0 a0 b0 g0 t1 a1 b1 g1 w0 w1 file
  t0=$(ticks "$TRUST_PID"); a0=$(ticks "$CA_PID"); b0=$(busy); children; g0=$CHILD; w0=$(date +%s%N)
  run_wrk "$c" "$s" "$WORK/row.json"
  t1=$(ticks "$TRUST_PID"); a1=$(ticks "$CA_PID"); b1=$(busy); children; g1=$CHILD; w1=$(date +%s%N)
  ROW=$((ROW + 1)); file="$WORK/$kind-$ROW-c$c.json"
  jq -c --argjson c "$c" --argjson cpu "$(( (t1 - t0) * 10000000 ))" --argjson ca "$(( (a1 - a0) * 10000000 ))" \
     --argjson all "$(( (b1 - b0) * 10000000 ))" --argjson wall "$((w1 - w0))" \
     --argjson wrk "$(awk -v a="$g0" -v b="$g1" 'BEGIN {printf "%d", (b - a) * 10000000}')" \
     --argjson round "$ROW" '{round: $round, connections: $c, threads: 1} + . + {cpu_trust_cores: ($cpu / $wall), cpu_wrk_cores: ($wrk / $wall), cpu_ca_cores: ($ca / $wall),
       cpu_machine_cores: ($all / $wall), cpu_other_cores: (($all - $cpu - $wrk - $ca) / $wall)}' "$WORK/row.json" >"$file"
  say "$kind $(jq -r '"c\(.connections): \(.rps | floor) stamps/s, p50 \(.p50_ms) ms, p99 \(.p99_ms) ms, not granted \(.not_granted), errors \(.errors_connect + .errors_read + .errors_write + .errors_status + .errors_timeout); cores: trust-service \(.cpu_trust_cores * 100 | floor / 100), wrk \(.cpu_wrk_cores * 100 | floor / 100), other \(.cpu_other_cores * 100 | floor / 100)"' "$file")"
}
ROW=0 prev=0
for round in 1 2 3 4 5 6; do  # the service's JIT compiles for a while: 10 s rounds until the rate is flat
  wrk_row warm "$HIGH" 10
  rate=$(jq '.rps | floor' "$WORK/warm-$ROW-c$HIGH.json")
  [ "$round" -ge 2 ] && [ $((rate * 100)) -le $((prev * 105)) ] && break
  prev=$rate
done
wrk_row row 1 5  # one client: the latency of a stamp when nothing queues
for c in "$CONNS" "$HIGH"; do wrk_row row "$c" "$SECS"; done

# 7. Peers, same run, services idle: the raw signing ceiling with the TSA's own key and the in-process TSA.
if [ "$CEIL_SECS" -gt 0 ]; then
  bench ceiling --dir "$WORK" --data "$DATA" --threads "$(nproc)" --seconds "$CEIL_SECS" --warmup 5 --server-pid "$TRUST_PID"
fi

# 8. OpenSSL's own TSA (`openssl ts -reply`), one process per stamp, one loop per core, same key, certificate
#    and policy; one of its replies must verify like Fujie's.
if [ "$OSSL_SECS" -gt 0 ]; then
  mkdir -p "$WORK/openssl"
  for key in "$DATA"/trust-service/keys/*.key.pem; do  # trust-service keeps other keys there too: take the TSA's
    openssl pkey -in "$key" -passin "file:$DATA/secrets/key-passphrase" -out "$WORK/openssl/tsa.key" 2>/dev/null || continue
    [ "$(openssl pkey -in "$WORK/openssl/tsa.key" -pubout)" = "$(openssl x509 -in "$WORK/tsa.pem" -noout -pubkey)" ] && break
    rm -f "$WORK/openssl/tsa.key"
  done
  [ -f "$WORK/openssl/tsa.key" ] || { echo "no key in $DATA/trust-service/keys is the TSA certificate's" >&2; exit 1; }
  cat >"$WORK/openssl/ts.cnf" <<CNF
[ tsa ]
default_tsa = fujie_bench
[ fujie_bench ]
serial = \$ENV::TS_SERIAL
crypto_device = builtin
signer_cert = $WORK/tsa.pem
signer_key = $WORK/openssl/tsa.key
signer_digest = sha256
default_policy = $(jq -r .policy "$WORK/check.json")
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = no
tsa_name = no
ess_cert_id_chain = no
ess_cert_id_alg = sha256
CNF
  TS_SERIAL="$WORK/openssl/serial-check" openssl ts -reply -config "$WORK/openssl/ts.cnf" -queryfile "$WORK/q-0.tsq" \
    -out "$WORK/openssl/r-0.tsr" 2>>"$WORK/openssl/log"
  openssl ts -verify -in "$WORK/openssl/r-0.tsr" -queryfile "$WORK/q-0.tsq" -CAfile "$DATA/bootstrap/trust-chain.pem" 2>&1 \
    | grep -q "^Verification: OK" || { echo "openssl's own TSA reply does not verify" >&2; exit 1; }
  b0=$(busy); w0=$(date +%s%N); end=$(( $(date +%s) + OSSL_SECS ))
  for k in $(seq 1 "$(nproc)"); do
    (n=0
     while printf -v now "%(%s)T" -1 && [ "$now" -lt "$end" ]; do
       TS_SERIAL="$WORK/openssl/serial-$k" openssl ts -reply -config "$WORK/openssl/ts.cnf" \
         -queryfile "$WORK/q-$((n % SAMPLES)).tsq" -out "$WORK/openssl/r-$k.tsr" 2>>"$WORK/openssl/log" && n=$((n + 1))
     done
     echo "$n" >"$WORK/openssl/count-$k") &
    OSSL_PIDS="$OSSL_PIDS $!"
  done
  for p in $OSSL_PIDS; do wait "$p"; done
  OSSL_PIDS=""
  b1=$(busy); w1=$(date +%s%N)
  stamps=$(cat "$WORK"/openssl/count-* | awk '{t += $1} END {print t}')
  jq -n --argjson n "$stamps" --argjson wall "$((w1 - w0))" --argjson all "$(( (b1 - b0) * 10000000 ))" --argjson loops "$(nproc)" \
    '{stamps: $n, seconds: ($wall / 1e9), per_second: ($n / ($wall / 1e9)), loops: $loops, cpu_machine_cores: ($all / $wall)}' \
    >"$WORK/openssl.json"
  say "openssl ts -reply, $(nproc) loops: $(jq -r '"\(.per_second | floor) stamps/s (\(.stamps) in \(.seconds * 10 | floor / 10) s)"' "$WORK/openssl.json")"
fi

# 9. Stop the services, then the summary: bench/results/tsa-<time>.txt and .json.
stop_pid trust-service "$TRUST_PID"; TRUST_PID=""
stop_pid ca-service "$CA_PID"; CA_PID=""
mkdir -p "$REPO/bench/results"
STAMP=$(date -u +%Y%m%d-%H%M%S)
OUT="$REPO/bench/results/tsa-$STAMP"
jq -s 'sort_by(.round)' "$WORK"/row-*.json >"$WORK/rows.json"
jq -s 'sort_by(.round)' "$WORK"/warm-*.json >"$WORK/warm.json"
[ -f "$WORK/ceiling.json" ] || echo "" >"$WORK/ceiling.json"
[ -f "$WORK/openssl.json" ] || echo "null" >"$WORK/openssl.json"
jq -n --arg lbl "$LABEL" --arg jars "$JARS_NOTE" --arg time "$STAMP" --arg commit "$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)" \
  --arg dirty "$(git -C "$REPO" status --porcelain 2>/dev/null | grep -c . || true)" \
  --arg java "$(java -version 2>&1 | head -1)" --arg openssl "$(openssl version)" --arg wrk "$(wrk -v 2>&1 | head -1 | cut -d' ' -f1,2)" \
  --argjson cpus "$(nproc)" --argjson queries "$QUERIES" --argjson verified "$(cat "$WORK/openssl-verified")" \
  --slurpfile check "$WORK/check.json" --slurpfile rows "$WORK/rows.json" --slurpfile warm "$WORK/warm.json" --slurpfile ceiling "$WORK/ceiling.json" \
  --slurpfile ossl "$WORK/openssl.json" \
  '{"label": $lbl, time: $time, commit: $commit, changed_files: ($dirty | tonumber), jars_note: $jars, java: $java, openssl: $openssl, wrk: $wrk, cpus: $cpus,
    queries: $queries, openssl_verified: $verified, check: $check[0], warmup: $warm[0], rows: $rows[0], ceilings: $ceiling, openssl_reply: $ossl[0]}' >"$OUT.json"

jq -r '
  def commas: if length > 3 then (.[:-3] | commas) + "," + .[-3:] else . end;
  def f0: round | tostring | commas;
  def f2: . * 100 | round / 100 | tostring;
  def f3: . * 1000 | round / 1000 | tostring;
  (.rows | map(select(.connections > 1)) | max_by(.rps)) as $best
  | (.ceilings | map(select(.name == "sign")) | max_by(.threads)) as $sign
  | (.ceilings | map(select(.name == "sign" and .threads == 1)) | first) as $sign1
  | (.ceilings | map(select(.name == "tsa-core")) | first) as $core
  | "== Fujie TSA benchmark \(.time) UTC\(if .label != "" then " (" + .label + ")" else "" end)",
    "commit \(.commit) with \(.changed_files) changed files in the working tree; \(.java); \(.openssl); \(.wrk); \(.cpus) CPUs",
    (if .jars_note != "" then "NOTE: \(.jars_note)" else empty end),
    "TSA: \(.check.tsa_subject), certificate \(.check.tsa_serial), signature \(.check.signature_algorithm), policy \(.check.policy)",
    "Queries: \(.queries) (SHA-256 imprint, nonce, certReq); all \(.check.checked) replies granted and right (Bouncy Castle),",
    "  openssl ts -verify: Verification: OK on \(.openssl_verified) of them; replies \(.check.reply_bytes_mean) bytes on average;",
    "  the TSA granted \(.check.waited_ms) ms after trust-service was healthy",
    "",
    "wrk -t1, POST /tsa, plain HTTP keep-alive; \"other\" = machine CPU used by neither trust-service, ca-service nor wrk",
    "| conns | stamps/s | p50 ms | p90 ms | p99 ms | max ms | not granted | errors | cores: trust-service / wrk / ca-service / other |",
    "|---|---|---|---|---|---|---|---|---|",
    (.rows[] | "| \(.connections) | \(.rps | f0) | \(.p50_ms) | \(.p90_ms) | \(.p99_ms) | \(.max_ms) | \(.not_granted) | \(.errors_connect + .errors_read + .errors_write + .errors_status + .errors_timeout) | \(.cpu_trust_cores | f2) / \(.cpu_wrk_cores | f2) / \(.cpu_ca_cores | f2) / \(.cpu_other_cores | f2) |"),
    (if (.warmup // []) | length > 0 then "Warm-up rounds, \(.warmup[0].connections) connections, 10 s each: \([.warmup[] | "\(.rps | f0)/s (other \(.cpu_other_cores | f2))"] | join(", "))" else empty end),
    "",
    "Peers, same run (services idle):",
    (.ceilings[] | "  \(if .name == "sign" then "raw EC-P256 signatures, TSA key, BC" else "pki-core TimeStampAuthority in-process" end), \(.threads) thread(s): \(.per_second | f0)/s (\(.cpu_self_cores | f2) cores; machine \(.cpu_machine_cores | f2))"),
    (if .openssl_reply then "  openssl ts -reply, a process per stamp, \(.openssl_reply.loops) loops: \(.openssl_reply.per_second | f0)/s (machine \(.openssl_reply.cpu_machine_cores | f2) cores)" else empty end),
    "",
    "Best loaded row: \($best.rps | f0) stamps/s at \($best.connections) connections, p99 \($best.p99_ms) ms; \(($best.cpu_trust_cores / $best.rps * 1000) | f2) ms of trust-service CPU per stamp",
    (if $sign then "  = \(($best.rps / $sign.per_second) | f2)x the raw signing ceiling (\($sign.threads) threads, \($sign.per_second | f0)/s)" else empty end),
    (if $core then "  = \(($best.rps / $core.per_second) | f2)x pki-core'"'"'s TimeStampAuthority in-process (\($core.per_second | f0)/s)" else empty end),
    (if .openssl_reply then "  = \(($best.rps / .openssl_reply.per_second) | f2)x openssl ts -reply in a loop" else empty end),
    (if $sign then "  CPU per stamp against CPU per signature (load-independent): \(($best.cpu_trust_cores / $best.rps * 1000) | f3) ms / \(($sign.cpu_self_cores / $sign.per_second * 1000) | f3) ms = \((($best.cpu_trust_cores / $best.rps) / ($sign.cpu_self_cores / $sign.per_second)) | f2)x a raw signature\(if $core then ", \((($best.cpu_trust_cores / $best.rps) / ($core.cpu_self_cores / $core.per_second)) | f2)x an in-process stamp (\(($core.cpu_self_cores / $core.per_second * 1000) | f3) ms)" else "" end)" else empty end),
    "  if both cores were trust-service'"'"'s (its CPU per stamp): \((.cpus / $best.cpu_trust_cores * $best.rps) | f0) stamps/s",
    "Target 3,000 stamps/s: \(if $best.rps >= 3000 then "MET" else "NOT MET" end) (\($best.rps | f0)/s measured)"
' "$OUT.json" | tee "$OUT.txt"
say "results: $OUT.txt and $OUT.json"
if jq -e '[(.warmup // [])[], .rows[] | .not_granted + .errors_connect + .errors_read + .errors_write + .errors_status + .errors_timeout] | add > 0' "$OUT.json" >/dev/null; then
  echo "some replies under load were not granted or failed: see $OUT.txt" >&2; exit 1
fi
