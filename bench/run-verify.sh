#!/usr/bin/env bash
# The verification benchmark in one command: builds pki-core and bench if a jar is missing or older than a
# source file, then runs org.fujie.bench.verify.VerifyBench in one JVM: a fresh test PKI (EC root, EC issuing CA,
# RSA-2048 signer with EKU documentSigning), a local HTTP server (127.0.0.1, random port) serving both CRLs at
# the URLs in the certificates, a 1-page and a 100-page PDF signed PAdES B-B by EU DSS 6.3; both verifiers must
# answer TOTAL_PASSED, then Fujie's PdfVerifier and DSS's SignedDocumentValidator are measured on the same bytes
# (warm-up, then alternating rounds, 1 and 2 threads): documents/s, p50/p99 latency, ratio Fujie/DSS against the
# 5x target, CPU used by other processes. The summary goes to stdout and bench/results/verify-<time>.txt.
# See bench/README.md, "Verification benchmark".
#
#   bench/run-verify.sh [--seconds 5] [--warmup 15] [--rounds 2] [--threads 1,2] [--pages 1,100] [--help]
#
# Environment: BENCH_JAVA_OPTS (extra JVM options). Needs java 17. Takes about 3 minutes with the defaults.
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
BENCH_JAR="$REPO/bench/target/bench-0.1.0-SNAPSHOT.jar"
case "${1:-}" in -h|--help) sed -n '2,14p' "$0"; exit 0 ;; esac
command -v java >/dev/null || { echo "run-verify.sh needs java 17" >&2; exit 1; }

# 1. Build if the jar is missing or older than a source file (offline first, then online once).
if [ ! -f "$BENCH_JAR" ] || [ ! -d "$REPO/bench/target/lib" ] \
   || [ -n "$(find "$REPO/pki-core/src/main" "$REPO/bench/src" "$REPO"/pki-core/pom.xml "$REPO/bench/pom.xml" "$REPO/pom.xml" \
                -newer "$BENCH_JAR" -print -quit 2>/dev/null)" ]; then
  echo "[run-verify] building pki-core and bench ..."
  (cd "$REPO" && { ./mvnw -o -q install -DskipTests -pl bench -am || ./mvnw -q install -DskipTests -pl bench -am; })
fi

# 2. Run; the options pass through to VerifyBench.
mkdir -p "$REPO/bench/results"
OUT="$REPO/bench/results/verify-$(date -u +%Y%m%dT%H%M%SZ).txt"
read -r -a BENCH_OPTS <<<"${BENCH_JAVA_OPTS:-}"
java "${BENCH_OPTS[@]}" -cp "$BENCH_JAR" org.fujie.bench.verify.VerifyBench --out "$OUT" "$@"
