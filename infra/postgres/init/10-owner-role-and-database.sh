#!/usr/bin/env bash
# Runs once, on an empty data directory (postgres image's docker-entrypoint-initdb.d), as the
# bootstrap superuser. Creates the migration owner role and the application database if they
# are missing. The runtime role `saas_app` is NOT created here: the app's migrator creates it
# from ConnectionStrings__PostgresApp, which is why the owner gets CREATEROLE.
#
# The owner is no superuser and has no BYPASSRLS: FORCE ROW LEVEL SECURITY applies to it too.
# In PostgreSQL 15 the public schema belongs to pg_database_owner, so owning the database is
# enough to create tables there, and to CREATE EXTENSION trusted ones such as btree_gist.
set -euo pipefail

: "${SAAS_DB_NAME:?}" "${SAAS_DB_OWNER:?}" "${SAAS_DB_OWNER_PASSWORD:?}"

psql --no-psqlrc -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
     -v db="$SAAS_DB_NAME" -v owner="$SAAS_DB_OWNER" -v owner_password="$SAAS_DB_OWNER_PASSWORD" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN CREATEROLE NOSUPERUSER NOBYPASSRLS NOCREATEDB PASSWORD %L',
              :'owner', :'owner_password')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'owner') \gexec

SELECT format('CREATE DATABASE %I OWNER %I ENCODING ''UTF8'' TEMPLATE template0', :'db', :'owner')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
SQL
