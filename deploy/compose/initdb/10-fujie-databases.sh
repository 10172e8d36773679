#!/bin/sh
# PostgreSQL image, first start only: one database per service (DESIGN.md: one schema per service), owned by fujie.
# Flyway in each service makes the tables. fujie_ca is POSTGRES_DB.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
CREATE DATABASE fujie_seal OWNER "$POSTGRES_USER";
CREATE DATABASE fujie_trust OWNER "$POSTGRES_USER";
SQL
