# Sourced by scripts/test and scripts/pg-server: a throwaway PostgreSQL server that needs no
# system service. `pg_start DIR` makes a fresh cluster in DIR (under target/), starts it on a
# free port of 127.0.0.1 and exports HUIKUAN_TEST_PG, its URL; `pg_stop DIR` stops it.
# DIR holds data/ (the cluster), password and url (mode 600), initdb.log, server.log and the
# server's unix socket, so nothing touches /var/run/postgresql or Debian's own cluster.
# As root the server runs as `postgres` (initdb refuses root); as anyone else, as that user.

# Debian 12's server is 15; another version is taken only when 15 is not there.
_pg_bin() {
    local bin=/usr/lib/postgresql/15/bin
    [ -x "$bin/initdb" ] || bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
        echo "pg.sh: no PostgreSQL server programs in /usr/lib/postgresql (ensure_postgres installs them)" >&2
        return 1
    fi
    echo "$bin"
}

# Runs a server program as the cluster's owner, from inside DIR ($1): `postgres` may not be
# allowed into the caller's working directory.
_pg_run() {
    local dir=$1
    shift
    if [ "$(id -u)" -eq 0 ]; then
        (cd "$dir" && runuser -u postgres -- "$@")
    else
        (cd "$dir" && "$@")
    fi
}

# A port nobody listens on. Between this and the server's bind another program may take it:
# pg_start then tries again with another.
_pg_free_port() {
    local port
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' \
        2>/dev/null) || port=
    [ -n "$port" ] && { echo "$port"; return; }
    # Without python3: a port where nothing answers on 127.0.0.1.
    while :; do
        port=$((20000 + RANDOM % 12000))
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
    done
}

# As root: `postgres` must cross every folder above DIR, and target/ or the home folder may be
# closed to others. o+x lets it cross them without listing them.
_pg_open_parents() {
    local dir=$1 p
    runuser -u postgres -- test -x "$dir" && return 0
    p=$dir
    while p=$(dirname "$p") && [ "$p" != / ]; do
        chmod o+x "$p"
    done
    echo "==> made the folders above $dir crossable by the postgres user (chmod o+x)"
}

pg_is_running() {
    local dir bin
    dir=$(realpath -m "$1")
    [ -f "$dir/data/postmaster.pid" ] || return 1
    bin=$(_pg_bin) || return 1
    _pg_run "$dir" "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1
}

pg_start() {
    local dir bin password port url attempt sockets
    dir=$(realpath -m "$1")
    bin=$(_pg_bin) || return 1
    # A run that was killed leaves its server and its cluster behind: both go.
    pg_stop "$dir"
    rm -rf "$dir"
    mkdir -p "$dir"
    chmod 700 "$dir"
    password=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
    (umask 077 && printf '%s\n' "$password" >"$dir/password")
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres:postgres "$dir" "$dir/password"
        _pg_open_parents "$dir"
    fi

    # UTF8 with the C locale: text sorts by code point, as SQLite's default collation does,
    # so both engines list names in the same order.
    if ! _pg_run "$dir" "$bin/initdb" -D "$dir/data" -U huikuan --pwfile="$dir/password" \
        -A scram-sha-256 -E UTF8 --locale=C >"$dir/initdb.log" 2>&1; then
        echo "pg_start: initdb failed ($dir/initdb.log):" >&2
        tail -n 20 "$dir/initdb.log" >&2
        return 1
    fi
    # A unix socket path is limited to about 107 bytes; past that the server gets none (the
    # tests connect over TCP anyway).
    sockets=$dir
    [ ${#dir} -le 90 ] || sockets=
    cat >>"$dir/data/postgresql.conf" <<EOF

# scripts/pg.sh: a throwaway server for the tests
listen_addresses = '127.0.0.1'
unix_socket_directories = '$sockets'
# The concurrency suite opens connections for several seats, in tests that run side by side.
max_connections = 200
# Test books are small; the default (128MB) would be wasted memory on a 2-core CI machine.
shared_buffers = 32MB
# Stays on: the crash trials restart the server mid-write and check that nothing committed
# is lost.
fsync = on
EOF

    for attempt in 1 2 3; do
        port=$(_pg_free_port)
        if _pg_run "$dir" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -o "-p $port" \
            -w -t 60 start >/dev/null; then
            url=postgres://huikuan:$password@127.0.0.1:$port/postgres
            (umask 077 && printf '%s\n' "$url" >"$dir/url")
            export HUIKUAN_TEST_PG=$url
            echo "==> PostgreSQL $("$bin/postgres" --version | awk '{ print $3 }') on 127.0.0.1:$port (${1})"
            return 0
        fi
        echo "pg_start: no start on port $port (try $attempt of 3)" >&2
    done
    echo "pg_start: the server did not start ($dir/server.log):" >&2
    tail -n 20 "$dir/server.log" >&2
    return 1
}

# Stops at once (the data is thrown away at the next start) and leaves DIR, so that
# server.log can still be read after a failed run. Quiet and harmless when nothing runs.
pg_stop() {
    local dir bin
    dir=$(realpath -m "$1")
    unset HUIKUAN_TEST_PG
    [ -f "$dir/data/postmaster.pid" ] || return 0
    bin=$(_pg_bin) || return 0
    _pg_run "$dir" "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
}

# Stops at once, as a crash or a power cut would (no shutdown checkpoint), and starts again
# on the same port: the crash trials' server restarted mid-write.
pg_restart() {
    local dir bin port
    dir=$(realpath -m "$1")
    bin=$(_pg_bin) || return 1
    port=$(sed -E 's#.*:([0-9]+)/postgres$#\1#' "$dir/url")
    _pg_run "$dir" "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    _pg_run "$dir" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -o "-p $port" -w -t 60 start >/dev/null
}
