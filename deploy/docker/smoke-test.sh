#!/usr/bin/env bash
# Builds the three images and walks a new user's path through the running containers: PostgreSQL databases, the
# bootstrap on a shared volume, a certificate, a seal made and approved by two admins, a B-T stamp (the TSA in
# trust-service), pdfsig and trust-service's verdict, a revocation, and the verdict after it.
# Needs a Docker daemon, the exec jars (./mvnw -B -q package -DskipTests), psql, curl, jq, openssl, pdfsig, python3,
# and a PostgreSQL that the containers reach on the host network (PGHOST, PGPORT, PGUSER with CREATEDB and CREATEROLE).
# The containers use the host network: ports 8443, 8444, 8445, 8080 and 8082 must be free.
#   deploy/docker/smoke-test.sh            # leaves nothing behind (containers, volume, databases, role removed)
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/../.."

PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER
WORK=$(mktemp -d)
SERVICES=(ca-service trust-service seal-service)
log() { printf '[smoke] %s\n' "$*" >&2; }
fail() { log "FAILED: $*"; exit 1; }

cleanup() {
  docker rm -f "${SERVICES[@]/#/fujie-smoke-}" >/dev/null 2>&1 || true
  docker volume rm fujie-smoke-data >/dev/null 2>&1 || true
  for db in ca seal trust; do psql -q -c "DROP DATABASE IF EXISTS fujie_smoke_$db" 2>/dev/null || true; done
  psql -q -c "DROP ROLE IF EXISTS fujie_smoke" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

for service in "${SERVICES[@]}"; do
  log "building fujie/$service:smoke"
  docker build -q --network host -f deploy/docker/Dockerfile --target "$service" -t "fujie/$service:smoke" . >/dev/null 2>&1 ||
    fail "docker build --target $service"
done

mkdir "$WORK/secrets"
openssl rand -base64 24 | tr -d '/+=\n' >"$WORK/secrets/db-password"
openssl rand -base64 32 >"$WORK/secrets/key-passphrase"
# Read by uid 10001 in the containers: the files world-readable, the folders only passable (nobody can list them).
chmod 0644 "$WORK"/secrets/*
chmod 0711 "$WORK" "$WORK/secrets"
psql -q -c "CREATE ROLE fujie_smoke LOGIN PASSWORD '$(<"$WORK/secrets/db-password")'"
for db in ca seal trust; do psql -q -c "CREATE DATABASE fujie_smoke_$db OWNER fujie_smoke"; done
docker volume create fujie-smoke-data >/dev/null

# The hardening of deploy/compose/compose.yaml: read-only root, no capabilities, no new privileges, secrets as files.
run() {
  local service=$1; shift
  docker run -d --name "fujie-smoke-$service" --network host --read-only --tmpfs /tmp --cap-drop ALL \
    --security-opt no-new-privileges:true -v fujie-smoke-data:/var/lib/fujie -v "$WORK/secrets:/run/secrets:ro" \
    -e FUJIE_KEY_PASSPHRASE_FILE=/run/secrets/key-passphrase -e SPRING_DATASOURCE_PASSWORD_FILE=/run/secrets/db-password \
    -e SPRING_DATASOURCE_USERNAME=fujie_smoke -e "SPRING_DATASOURCE_URL=jdbc:postgresql://$PGHOST:$PGPORT/fujie_smoke_${service%-service}" \
    -e FUJIE_AUTH_ISSUER=https://127.0.0.1:8445 -e FUJIE_AUTH_JWKSURI=https://127.0.0.1:8445/.well-known/jwks.json \
    "$@" "fujie/$service:smoke" >/dev/null
}
healthy() {
  local status
  for _ in $(seq 1 100); do
    status=$(docker inspect -f '{{.State.Health.Status}}' "fujie-smoke-$1")
    [[ $status == healthy ]] && { log "$1 healthy"; return; }
    [[ $status == unhealthy ]] && break
    sleep 3
  done
  docker logs "fujie-smoke-$1" 2>&1 | tail -20 >&2
  fail "$1 is $status"
}
run ca-service -e FUJIE_PUBLIC_BASE_URL=http://127.0.0.1:8080
healthy ca-service
run trust-service -e FUJIE_TSA_CAURL=https://127.0.0.1:8443 -e FUJIE_VALIDATION_CAISSUERSHOSTS=127.0.0.1 \
  -e FUJIE_VALIDATION_REVOCATION_MAX_AGE=5s
run seal-service -e FUJIE_SEAL_CAURL=https://127.0.0.1:8443 -e FUJIE_SEAL_TSAURL=http://127.0.0.1:8082/tsa
healthy trust-service
healthy seal-service

docker cp -q fujie-smoke-ca-service:/var/lib/fujie/bootstrap/. "$WORK/bootstrap"
as_admin() { curl -sS --fail-with-body --cacert "$WORK/bootstrap/trust-chain.pem" --cert-type P12 --cert "$WORK/bootstrap/admin.p12:$(<"$WORK/bootstrap/admin.pass")" "$@"; }
as_second() { curl -sS --fail-with-body --cacert "$WORK/bootstrap/trust-chain.pem" --cert-type P12 --cert "$WORK/second.p12:second-admin" "$@"; }
json() { as_admin -H 'Content-Type: application/json' -d "$@"; }

[[ $(as_admin https://127.0.0.1:8443/api/v1/cas | jq -r 'map(.id) | sort | join(",")') == issuing,root ]] || fail "no root and issuing CA"
admin_dn=$(openssl pkcs12 -in "$WORK/bootstrap/admin.p12" -passin "pass:$(<"$WORK/bootstrap/admin.pass")" -nokeys 2>/dev/null |
  openssl x509 -noout -subject -nameopt RFC2253 | sed 's/^subject=//')
json '{"profile":"tls-client","subject":"CN=Second Admin,O=Fujie","keyGeneration":{"algorithm":"EC-P256","password":"second-admin"}}' \
  https://127.0.0.1:8443/api/v1/certificates | jq -r .pkcs12 | base64 -d >"$WORK/second.p12"
json "{\"subject\":\"$admin_dn\",\"roles\":[\"ADMIN\",\"SEAL_ADMIN\",\"SEAL_KEEPER\"]}" -X PUT https://127.0.0.1:8444/api/v1/principals >/dev/null
json '{"subject":"CN=Second Admin,O=Fujie","roles":["SEAL_ADMIN"]}' -X PUT https://127.0.0.1:8444/api/v1/principals >/dev/null
seal=$(json "{\"name\":\"合同专用章\",\"organization\":\"符节示范部\",\"type\":\"CONTRACT\",\"algorithm\":\"EC-P256\",\"keepers\":[\"$admin_dn\"]}" \
  https://127.0.0.1:8444/api/v1/seals | jq -r .id)
[[ $(as_second -X POST "https://127.0.0.1:8444/api/v1/seals/$seal/approve" | jq -r .status) == ACTIVE ]] || fail "seal not approved"
log "seal $seal made and approved by two admins"

python3 - "$WORK/doc.pdf" <<'PY'
import sys
body = b"BT /F1 24 Tf 72 720 Td (Smoke test notice) Tj ET"
objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(body), body), b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
out, offsets = b"%PDF-1.7\n", []
for number, obj in enumerate(objs, 1):
    offsets.append(len(out)); out += b"%d 0 obj\n%s\nendobj\n" % (number, obj)
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
open(sys.argv[1], "wb").write(out)
PY
stamp() {
  as_admin -F "document=@$WORK/doc.pdf" -F "options={\"page\":1,\"x\":100,\"y\":100,\"width\":119,\"level\":\"$1\"};type=application/json" \
    "https://127.0.0.1:8444/api/v1/seals/$seal/stamp" -o "$WORK/stamped-$1.pdf"
}
verdict() {
  as_admin -F "document=@$WORK/stamped-$1.pdf" https://127.0.0.1:8445/api/v1/verify |
    jq -r '.indication + "/" + (.signatures[0].subIndication // "") + " " + ([.signatures[0].revocation[]? | .status] | join(","))'
}
for level in B-B B-T; do
  stamp "$level"
  pdfsig "$WORK/stamped-$level.pdf" | grep -q "Signature is Valid" || fail "pdfsig does not find a valid $level signature"
  [[ $(verdict "$level") == TOTAL_PASSED/* ]] || fail "stamped $level PDF not TOTAL_PASSED: $(verdict "$level")"
done
log "stamped PDFs (B-B, B-T): pdfsig valid, trust-service TOTAL_PASSED"

sleep 2   # times are whole seconds: a revocation in the time-stamp's second counts as before it
json '{"reason":"keyCompromise"}' "https://127.0.0.1:8444/api/v1/seals/$seal/revoke" >/dev/null
sleep 6   # past FUJIE_VALIDATION_REVOCATION_MAX_AGE: trust-service asks OCSP again
# Without a time-stamp nothing proves the stamp came before the revocation (EN 319 102-1: REVOKED_NO_POE).
after=$(verdict B-B)
[[ $after == INDETERMINATE/REVOKED_NO_POE* ]] || fail "B-B stamp after the seal was revoked: $after"
log "B-B after revocation: $after"
# The B-T stamp's time-stamp proves it existed before the revocation (EN 319 102-1 5.6.2.4, best signature time):
# still TOTAL_PASSED, with the revocation heard.
after=$(verdict B-T)
[[ $after == TOTAL_PASSED/\ REVOKED* ]] || fail "B-T stamp after the seal was revoked: $after"
log "B-T after revocation: $after"
log "passed"
