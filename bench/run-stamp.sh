#!/usr/bin/env bash
# The stamping benchmark in one command: builds pki-core and bench if a jar is missing or older than a source file,
# then runs org.fujie.bench.stamp.StampBench: a fresh test PKI (EC root and issuing CA, CRLs on 127.0.0.1), seal keys
# EC-P256 and RSA-2048, an in-process TSA, a red seal PNG; a 1-page and a 100-page PDF stamped PAdES B-B and B-T by
# Fujie's PadesSigner and by EU DSS 6.3's PAdESService, same key, image, place and TSA; one document of each signer
# and case judged first (PdfVerifier TOTAL_PASSED at the level asked, widget place, red pixels rendered there); then
# warm-up, alternating rounds at 1 and 2 threads: stamps/s, p50/p99 latency, ratio Fujie/DSS; then the peak heap of
# stamping one 100 MB PDF, each signer in fresh JVMs (smallest -Xmx that works, live heap after GC).
# The summary goes to stdout and bench/results/stamp-<time>.txt. See bench/README.md, "Stamping benchmark".
#
#   bench/run-stamp.sh [--seconds 5] [--warmup 5] [--rounds 2] [--threads 1,2] [--pages 1,100] [--levels B-B,B-T]
#                      [--keys EC-P256,RSA-2048] [--seal-pixels 400] [--memory Fujie,DSS|none] [--memory-pages 10] [--help]
#
# Environment: BENCH_JAVA_OPTS (extra JVM options of the measuring JVM). Needs java 17. About 10 minutes with the defaults.
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
BENCH_JAR="$REPO/bench/target/bench-0.1.0-SNAPSHOT.jar"
case "${1:-}" in -h|--help) sed -n '2,14p' "$0"; exit 0 ;; esac
command -v java >/dev/null || { echo "run-stamp.sh needs java 17" >&2; exit 1; }

# 1. Build if the jar is missing, older than a source file, or its lib/ holds a pki-core other than this worktree's
#    (an install from another worktree into the shared ~/.m2 would otherwise be measured): bench/build.sh, `package` in
#    the reactor (-am), which takes pki-core from this worktree and writes nothing to ~/.m2.
"$REPO/bench/build.sh" bench
echo "[run-stamp] commit $(git -C "$REPO" rev-parse --short HEAD), $(git -C "$REPO" status --porcelain | grep -c . || true) changed files in the working tree"

# 2. Run; the options pass through to StampBench.
mkdir -p "$REPO/bench/results"
OUT="$REPO/bench/results/stamp-$(date -u +%Y%m%dT%H%M%SZ).txt"
read -r -a BENCH_OPTS <<<"${BENCH_JAVA_OPTS:-}"
java "${BENCH_OPTS[@]}" -cp "$BENCH_JAR" org.fujie.bench.stamp.StampBench --out "$OUT" "$@"
