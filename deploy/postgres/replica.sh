#!/bin/sh
# The read replica (compose service db-replica): on first start, copy the primary with
# pg_basebackup (-R writes the standby settings), then run as a hot standby that replays
# the primary's WAL as it streams. Readers' pages read from it (DATABASE_REPLICA_URL).
set -e
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  until pg_isready -h db -U "$POSTGRES_USER" -d "$POSTGRES_DB"; do sleep 2; done
  PGPASSWORD="$POSTGRES_PASSWORD" pg_basebackup -h db -U "$POSTGRES_USER" -D "$PGDATA" \
    -R -X stream -c fast
  chmod 700 "$PGDATA"
fi
exec postgres -c hot_standby=on -c hot_standby_feedback=on
