#!/usr/bin/env bash
# Builds what a benchmark script runs, from this worktree only: `./mvnw package -DskipTests -pl MODULES -am` (offline
# first, then online once) when a jar is missing, older than a source file, or when bench/target/lib holds a pki-core jar
# other than this worktree's. `package` in the reactor (-am) takes pki-core from this worktree and writes nothing to the
# shared ~/.m2 (an `install` there would hand other worktrees this one's pki-core, and theirs to this one).
#
#   bench/build.sh ca-service,bench      # or: bench, or ca-service,trust-service,bench
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
MODULES=${1:?modules, e.g. ca-service,bench}
BENCH_JAR="$REPO/bench/target/bench-0.1.0-SNAPSHOT.jar"
PKI_JAR="$REPO/pki-core/target/pki-core-0.1.0-SNAPSHOT.jar"
LIB_PKI="$REPO/bench/target/lib/pki-core-0.1.0-SNAPSHOT.jar"
PKI_TESTS="$REPO/pki-core/target/pki-core-0.1.0-SNAPSHOT-tests.jar"  # SoftHsm and the Vault stand-in (run-keys.sh)
LIB_PKI_TESTS="$REPO/bench/target/lib/pki-core-0.1.0-SNAPSHOT-tests.jar"
SOURCES=("$REPO/pki-core/src/main" "$REPO/pki-core/src/test/java/org/fujie/pki/operator" "$REPO/clients/fujie-spring-boot-starter/src/main" "$REPO/bench/src" "$REPO"/*/pom.xml "$REPO/pom.xml")
JARS=("$BENCH_JAR")
for service in ca-service trust-service; do
  case ",$MODULES," in *,$service,*)
    SOURCES+=("$REPO/$service/src/main" "$REPO/service-support/src/main")
    JARS+=("$REPO/$service/target/$service-0.1.0-SNAPSHOT-exec.jar") ;;
  esac
done
stale=""
for jar in "${JARS[@]}"; do
  if [ ! -f "$jar" ] || [ -n "$(find "${SOURCES[@]}" -newer "$jar" -print -quit 2>/dev/null)" ]; then stale=$jar; fi
done
if [ -n "$stale" ] || [ ! -d "$REPO/bench/target/lib" ] || ! cmp -s "$PKI_JAR" "$LIB_PKI" || ! cmp -s "$PKI_TESTS" "$LIB_PKI_TESTS"; then
  echo "[build] building $MODULES (package -am, this worktree) ..."
  rm -rf "$REPO/bench/target/lib"  # copy-dependencies keeps a jar that is newer than this worktree's
  (cd "$REPO" && { ./mvnw -B -o -q package -DskipTests -pl "$MODULES" -am \
                   || ./mvnw -B -q package -DskipTests -pl "$MODULES" -am; })
  cmp -s "$PKI_JAR" "$LIB_PKI" && cmp -s "$PKI_TESTS" "$LIB_PKI_TESTS" \
    || { echo "bench/target/lib does not hold this worktree's pki-core jars" >&2; exit 1; }
fi
