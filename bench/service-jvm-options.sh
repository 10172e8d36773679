#!/usr/bin/env bash
# Prints the JVM options services run with (deploy/jvm.options without comments), so benchmarks measure the services
# as deployed; the run scripts add SERVER_JAVA_OPTS after them.
grep -v '^[[:space:]]*\(#\|$\)' "$(cd "$(dirname "$0")/.." && pwd)/deploy/jvm.options" | tr '\n' ' '
