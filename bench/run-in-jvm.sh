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
PKI_JAR="$REPO/pki-core/target/pki-core-0.1.0-SNAPSHOT.jar"
command -v java >/dev/null || { echo "run-$NAME.sh needs java 17" >&2; exit 1; }

# 1. Build if stale.
if [ ! -f "$BENCH_JAR" ] || [ ! -d "$REPO/bench/target/lib" ] || ! cmp -s "$PKI_JAR" "$REPO/bench/target/lib/pki-core-0.1.0-SNAPSHOT.jar" \
   || [ -n "$(find "$REPO/pki-core/src/main" "$REPO/bench/src" "$REPO"/pki-core/pom.xml "$REPO/bench/pom.xml" "$REPO/pom.xml" \
                -newer "$BENCH_JAR" -print -quit 2>/dev/null)" ]; then
  echo "[run-$NAME] building pki-core and bench (package, this worktree) ..."
  rm -rf "$REPO/bench/target/lib"  # copy-dependencies keeps a jar that is newer than this worktree's
  (cd "$REPO" && { ./mvnw -o -q package -DskipTests -pl bench -am || ./mvnw -q package -DskipTests -pl bench -am; })
  cmp -s "$PKI_JAR" "$REPO/bench/target/lib/pki-core-0.1.0-SNAPSHOT.jar" \
    || { echo "bench/target/lib does not hold this worktree's pki-core jar" >&2; exit 1; }
fi
echo "[run-$NAME] commit $(git -C "$REPO" rev-parse --short HEAD), $(git -C "$REPO" status --porcelain | grep -c . || true) changed files in the working tree"

# 2. Run; the options pass through.
mkdir -p "$REPO/bench/results"
OUT="$REPO/bench/results/$NAME-$(date -u +%Y%m%dT%H%M%SZ).txt"
read -r -a BENCH_OPTS <<<"${BENCH_JAVA_OPTS:-}"
java "${BENCH_OPTS[@]}" -cp "$BENCH_JAR" "$MAIN" --out "$OUT" "$@"
