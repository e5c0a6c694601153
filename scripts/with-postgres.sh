#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL cluster.
#
#   scripts/with-postgres.sh COMMAND [ARG...]
#
# Creates a new cluster in a temporary folder, starts it on a free loopback port, runs COMMAND
# with DATABASE_URL pointing at it, then stops the cluster and deletes the folder, also when
# COMMAND fails or the run is interrupted. Exits with COMMAND's exit code.
#
# PostgreSQL refuses to run as root, so as root the cluster runs as the system user $PG_USER
# (Debian's "postgres", created here if it does not exist). The server listens on 127.0.0.1 only
# and trusts local connections: it lives for one test run and holds nothing but test data.
set -euo pipefail

PG_VERSION="${PG_VERSION:-15}"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/${PG_VERSION}/bin}"
PG_USER="${PG_USER:-postgres}"
PG_DATABASE="${PG_DATABASE:-udsatteraad}"

if [ "$#" -eq 0 ]; then
    echo "usage: $0 COMMAND [ARG...]" >&2
    exit 2
fi

if [ ! -x "$PG_BIN/initdb" ] || [ ! -x "$PG_BIN/pg_ctl" ]; then
    {
        echo "!! PostgreSQL ${PG_VERSION} was not found in $PG_BIN."
        echo "!! On Debian: apt-get install postgresql-${PG_VERSION}"
        echo "!! Elsewhere: set PG_BIN to the folder that holds initdb and pg_ctl."
    } >&2
    exit 1
fi

as_cluster_owner=()
if [ "$(id -u)" -eq 0 ]; then
    if ! id -u "$PG_USER" >/dev/null 2>&1; then
        useradd --system --user-group --no-create-home --shell /usr/sbin/nologin "$PG_USER"
    fi
    as_cluster_owner=(runuser -u "$PG_USER" --)
fi

# The folder must be reachable by the cluster owner, so not under root's $TMPDIR or home.
workdir=$(mktemp -d /tmp/udsatteraad-pg.XXXXXX)
datadir="$workdir/data"
logfile="$workdir/postgres.log"

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    if "${as_cluster_owner[@]}" "$PG_BIN/pg_ctl" -D "$datadir" status >/dev/null 2>&1; then
        "${as_cluster_owner[@]}" "$PG_BIN/pg_ctl" -D "$datadir" -m immediate -w stop >/dev/null \
            || echo "!! Could not stop the throwaway PostgreSQL cluster in $datadir" >&2
    fi
    rm -rf "$workdir"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ "${#as_cluster_owner[@]}" -gt 0 ]; then
    chown "$PG_USER:" "$workdir"
fi
chmod 700 "$workdir"

# Ask the kernel for a free port; the tiny window until the server binds it is acceptable here.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

"${as_cluster_owner[@]}" "$PG_BIN/initdb" --pgdata="$datadir" --username=postgres \
    --auth=trust --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$workdir/initdb.log" 2>&1 || {
    cat "$workdir/initdb.log" >&2
    exit 1
}

# Durability is pointless for a cluster that is deleted after the run: trade it for speed.
server_options="-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$workdir"
server_options+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
server_options+=" -c max_connections=50"
"${as_cluster_owner[@]}" "$PG_BIN/pg_ctl" -D "$datadir" -l "$logfile" -o "$server_options" \
    -w -t 60 start >/dev/null || {
    cat "$logfile" >&2
    exit 1
}

"${as_cluster_owner[@]}" "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres "$PG_DATABASE"

export DATABASE_URL="postgres://postgres@127.0.0.1:$port/$PG_DATABASE"
echo ">> Throwaway PostgreSQL $PG_VERSION on 127.0.0.1:$port (data in $datadir)"

set +e
"$@"
rc=$?
set -e
exit "$rc"
