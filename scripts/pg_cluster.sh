#!/bin/sh
# A throw-away PostgreSQL 15 cluster for the tests: no system service is assumed.
#   scripts/pg_cluster.sh start DIR   -> prints the connection URL of database "postgres"
#   scripts/pg_cluster.sh stop DIR
# Listens on a unix socket in DIR only (no TCP). initdb refuses to run as root, so as root the
# cluster belongs to the "postgres" user that Debian's package creates.
set -eu
action=$1
dir=$2
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$action" in
start)
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then chown postgres "$dir"; fi
    as_owner "$bin/initdb" -D "$dir/data" -A trust -U numeria -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$dir/data" -o "-k $dir -c listen_addresses='' -c fsync=off" -l "$dir/log" -w start \
        >/dev/null || { cat "$dir/log" >&2; exit 1; }
    echo "postgresql://numeria@/postgres?host=$dir"
    ;;
stop)
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    ;;
*)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
