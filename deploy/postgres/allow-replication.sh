#!/bin/sh
# Run once by the postgres image when the primary's data folder is created: the replica
# (compose service db-replica) may stream from it over the compose network, with the
# database user's password.
set -e
echo "host replication ${POSTGRES_USER} all scram-sha-256" >> "$PGDATA/pg_hba.conf"
