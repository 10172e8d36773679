#!/usr/bin/env bash
# The XAdES benchmark in one command: builds pki-core and bench if stale (run-in-jvm.sh), then runs
# org.fujie.bench.xades.XadesBench in one JVM: a fresh test PKI (EC root and issuing CA, CRLs on 127.0.0.1), an EC P-256
# seal key; a ~10 KB and a ~5 MB XML catalogue (deterministic) signed XAdES-BASELINE-B enveloped, SHA-256, exclusive
# c14n by Fujie's XadesSigner and by EU DSS 6.3's XAdESService with the same key and chain; each signer's output judged
# first (TOTAL_PASSED by Fujie's XadesVerifier and DSS's validator, a copy with one text node changed refused by both);
# then warm-up, alternating rounds at 1 and 2 threads of signing, and of verifying each signer's output with both
# verifiers: operations/s, p50/p99 latency, ratio Fujie/DSS. Santuario's JCEMapper provider is set per side before each
# run (DSS sets it to BC for the whole JVM). The summary goes to stdout and bench/results/xades-<time>.txt.
# See bench/README.md, "XAdES benchmark".
#
#   bench/run-xades.sh [--seconds 8] [--warmup 6] [--rounds 2] [--threads 1,2] [--sizes 10k,5m] [--operations sign,verify]
#                      [--minimum 3] [--help]
#
# Environment: BENCH_JAVA_OPTS (extra JVM options of the measuring JVM). Needs java 17. About 9 minutes with the defaults.
set -euo pipefail

case "${1:-}" in -h|--help) sed -n '2,15p' "$0"; exit 0 ;; esac
exec "$(dirname "$0")/run-in-jvm.sh" xades org.fujie.bench.xades.XadesBench "$@"
