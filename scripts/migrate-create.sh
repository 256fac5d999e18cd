#!/usr/bin/env bash
# Creates a migration for both SQL dialects after a schema change:
#   PG_URI=postgres://postgres@127.0.0.1:5432/postgres scripts/migrate-create.sh my_change
# Each dialect's migration is made against a scratch database brought up to the committed
# migrations, so only the difference is generated.
set -euo pipefail
name=${1:?usage: scripts/migrate-create.sh NAME}
: "${PG_URI:?set PG_URI to a PostgreSQL server where the user may create databases}"
cd "$(dirname "$0")/.."
scratch=migrate_$(date +%s)
sqlite_file=/tmp/partner-club-migrate-$$.db
pg_base=${PG_URI%/*}
psql "$PG_URI" -qc "CREATE DATABASE $scratch"
trap 'psql "$PG_URI" -qc "DROP DATABASE IF EXISTS $scratch" >/dev/null; rm -f "$sqlite_file"*' EXIT
for uri in "file:$sqlite_file" "$pg_base/$scratch"; do
  DATABASE_URI="$uri" PAYLOAD_SECRET=migrate LOG_LEVEL=warn NODE_ENV=production npm run --silent payload -- migrate
  DATABASE_URI="$uri" PAYLOAD_SECRET=migrate LOG_LEVEL=warn npm run --silent payload -- migrate:create "$name" --skip-empty </dev/null
done
npx prettier --log-level warn --write src/migrations >/dev/null 2>&1 || true
