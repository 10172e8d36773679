#!/bin/sh
# Starts one Fujie service (container entrypoint; the systemd units run it too, as /opt/fujie/bin/fujie-run):
# java <deploy/jvm.options> $JAVA_OPTS -jar app.jar --fujie.data-dir=... --server.port=...
# Secrets may be given as files (Compose/Kubernetes secrets): FUJIE_KEY_PASSPHRASE_FILE, FUJIE_KEY_PASSPHRASE_PREVIOUS_FILE,
# SPRING_DATASOURCE_PASSWORD_FILE are read into the variable of the same name without _FILE (which the services read),
# unless that variable is already set. Nothing is printed of them.
set -eu

from_file() {
  eval "value=\${$1:-}; file=\${$1_FILE:-}"
  if [ -z "$value" ] && [ -n "$file" ]; then
    [ -r "$file" ] || { echo "entrypoint: $1_FILE=$file is not readable" >&2; exit 1; }
    value=$(cat "$file")
    export "$1=$value"
  fi
  unset "$1_FILE" 2>/dev/null || true
}
from_file FUJIE_KEY_PASSPHRASE
from_file FUJIE_KEY_PASSPHRASE_PREVIOUS
from_file SPRING_DATASOURCE_PASSWORD

# One option per line, # comments and blank lines dropped (as ./fujie does). Options contain no spaces.
opts=$(grep -v '^[[:space:]]*\(#\|$\)' "${FUJIE_JVM_OPTIONS:-/opt/fujie/jvm.options}" | tr '\n' ' ')
port=${SERVER_PORT:-$FUJIE_HTTPS_PORT}
# shellcheck disable=SC2086 # word splitting of the option lists is intended
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" $opts ${JAVA_OPTS:-} -jar "${FUJIE_JAR:-/opt/fujie/app.jar}" \
  --fujie.data-dir="$FUJIE_DATA_DIR" --server.port="$port" "$@"
