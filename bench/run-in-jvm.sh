#!/usr/bin/env bash
# Runs one in-process benchmark of bench/ (run-stamp.sh, run-xades.sh call it): builds pki-core and bench if the bench
# jar is missing, older than a source file, or its lib/ holds a pki-core other than this worktree's (an install from
# another worktree into the shared ~/.m2 would otherwise be measured), then runs MAIN-CLASS with the options given and
# --out bench/results/NAME-<time>.txt. The build is `package` in the reactor (-am): pki-core from this worktree, nothing
# written to ~/.m2; offline first, then online once.
#
#   bench/run-in-jvm.sh NAME MAIN-CLASS [options...]
#
# Environment: BENCH_JAVA_OPTS (extra JVM options of the measuring JVM). Needs java 17.
set -euo pipefail

NAME=$1
MAIN=$2
shift 2
REPO=$(cd "$(dirname "$0")/.." && pwd)
BENCH_JAR="$REPO/bench/target/bench-0.1.0-SNAPSHOT.jar"
command -v java >/dev/null || { echo "run-$NAME.sh needs java 17" >&2; exit 1; }

# 1. Build if stale (bench/build.sh: package -am from this worktree, nothing installed into ~/.m2).
"$REPO/bench/build.sh" bench
echo "[run-$NAME] commit $(git -C "$REPO" rev-parse --short HEAD), $(git -C "$REPO" status --porcelain | grep -c . || true) changed files in the working tree"

# 2. Run; the options pass through.
mkdir -p "$REPO/bench/results"
OUT="$REPO/bench/results/$NAME-$(date -u +%Y%m%dT%H%M%SZ).txt"
read -r -a BENCH_OPTS <<<"${BENCH_JAVA_OPTS:-}"
java "${BENCH_OPTS[@]}" -cp "$BENCH_JAR" "$MAIN" --out "$OUT" "$@"
