#!/bin/sh
# HEALTHCHECK: GET /actuator/health on the HTTPS port inside the container. The server's certificate is checked against
# the bootstrap trust anchor in the data volume (its TLS certificates name 127.0.0.1), so no -k is needed there; only a
# TLS key store of your own that does not name 127.0.0.1 needs FUJIE_HEALTH_INSECURE=1 (curl -k, this check only).
port=${SERVER_PORT:-$FUJIE_HTTPS_PORT}
anchor="$FUJIE_DATA_DIR/bootstrap/trust-chain.pem"
if [ "${FUJIE_HEALTH_INSECURE:-0}" = 1 ]; then tls=-k; else tls="--cacert $anchor"; fi
# shellcheck disable=SC2086
curl -fsS --max-time 4 $tls "https://127.0.0.1:$port/actuator/health" | grep -q '"status":"UP"'
