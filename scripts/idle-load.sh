#!/bin/sh
# PostgreSQL transactions per second with N idle server instances (default 2), on a fresh
# database: `sh scripts/idle-load.sh 2`. Needs server/dist, psql, PostgreSQL and Redis.
set -eu
N=${1:-2}
PG=${PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}
DB=idle_load_$$
psql -q "$PG" -c "create database $DB"
URL=$(echo "$PG" | sed "s#/postgres\$#/$DB#")
cd "$(dirname "$0")/../server"
PIDS=""
i=0
while [ $i -lt "$N" ]; do
  DATABASE_URL=$URL REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379} REDIS_PREFIX=idle$$: PORT=$((47100 + i)) HOST=127.0.0.1 LOG_LEVEL=warn \
    AUTH_SECRET=idle-load-idle-load-idle-load-0000 node dist/main.js &
  PIDS="$PIDS $!"
  i=$((i + 1))
done
sleep 15
xacts() { psql -qtA "$PG" -c "select xact_commit + xact_rollback from pg_stat_database where datname = '$DB'"; }
A=$(xacts); sleep 20; B=$(xacts)
echo "instances=$N transactions_per_second=$(( (B - A) / 20 ))"
kill $PIDS; wait 2>/dev/null || true
psql -q "$PG" -c "drop database $DB with (force)"
