#!/usr/bin/env bash
# The token validation benchmark in one command: builds pki-core, the starter and bench if stale (run-in-jvm.sh), then
# runs org.fujie.bench.token.TokenBench in one JVM: ES256 tokens shaped as trust-service issues them, a stand-in JWKS on
# 127.0.0.1; the Fujie Spring Boot starter's decoder against Spring Security's stock NimbusJwtDecoder (JWKS URI, default
# validators), alternating rounds at 1 and 2 threads, and a bare Nimbus ES256 verify as the ceiling. The summary goes to
# stdout and bench/results/token-<time>.txt. See bench/README.md, "Token validation benchmark".
#
#   bench/run-token.sh [--seconds 8] [--warmup 5] [--rounds 2] [--threads 1,2] [--tokens 1000]
#
# Environment: BENCH_JAVA_OPTS (extra JVM options of the measuring JVM). Needs java 17. About 2 minutes.
set -euo pipefail

case "${1:-}" in -h|--help) sed -n '2,10p' "$0"; exit 0 ;; esac
exec "$(dirname "$0")/run-in-jvm.sh" token org.fujie.bench.token.TokenBench "$@"
