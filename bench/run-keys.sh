#!/usr/bin/env bash
# The key-backend signing benchmark (issue 9) in one command: builds pki-core (with its test-jar) and bench if stale
# (run-in-jvm.sh), then runs org.fujie.bench.keys.BackendSigningBench in one JVM: EC-P256 and RSA-2048 keys in the
# software backend, in a SoftHSM2 token made fresh in a temporary directory (SOFTHSM2_CONF set here), and in pki-core's
# Vault Transit stand-in (NOT Vault) on 127.0.0.1 through VaultTransitKeyBackend and the vault-java-driver; signatures/s
# of newContentSigner() over 512 bytes at 1, 2 and 8 threads, rounds rotating the order, each backend's ratio to the
# software backend of the same run. The summary goes to stdout and bench/results/keys-<time>.txt.
# See bench/README.md, "Key backends (issue 9)".
#
#   bench/run-keys.sh [--seconds 5] [--warmup 4] [--rounds 2] [--threads 1,2,8] [--algorithms EC-P256,RSA-2048]
#                     [--backends software,softhsm2,vault] [--nodelay true|false]
#
# Environment: BENCH_JAVA_OPTS (extra JVM options of the measuring JVM). Needs java 17 and softhsm2 (softhsm2-util,
# /usr/lib/softhsm/libsofthsm2.so). About 4 minutes with the defaults.
set -euo pipefail

case "${1:-}" in -h|--help) sed -n '2,14p' "$0"; exit 0 ;; esac
command -v softhsm2-util >/dev/null || { echo "run-keys.sh needs softhsm2 (softhsm2-util)" >&2; exit 1; }
# The token lives and dies with this run: SoftHsm writes the configuration file and the tokens beside it.
WORK=$(mktemp -d "${TMPDIR:-/tmp}/fujie-keys.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
export SOFTHSM2_CONF="$WORK/softhsm2.conf"
"$(dirname "$0")/run-in-jvm.sh" keys org.fujie.bench.keys.BackendSigningBench "$@"
