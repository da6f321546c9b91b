#!/usr/bin/env bash
# Start a throwaway PostgreSQL server on loopback for the test suite and print its URL.
# Usage: eval "$(scripts/pg-test-server.sh start)"   → exports DETENTE_TEST_PG
#        scripts/pg-test-server.sh stop
set -euo pipefail
PORT=${DETENTE_PG_PORT:-54329}
DIR=${DETENTE_PG_DIR:-/tmp/detente-pg-$PORT}
find_bin() {
  local b
  b=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$b" ] && echo "$b"
}
run_as() {  # PostgreSQL refuses to run as root
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "${1:-start}" in
  start)
    BIN=$(find_bin || true)
    if [ -z "${BIN:-}" ]; then
      if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "installing PostgreSQL (Debian package)…" >&2
        (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) >&2
        BIN=$(find_bin || true)
      fi
    fi
    if [ -z "${BIN:-}" ]; then echo "echo 'PostgreSQL not available: its tests will be skipped' >&2"; exit 0; fi
    id postgres >/dev/null 2>&1 || useradd -r -M postgres
    if ! run_as "$BIN/pg_isready" -h 127.0.0.1 -p "$PORT" -q 2>/dev/null; then
      rm -rf "$DIR"; mkdir -p "$DIR"; chown postgres "$DIR" 2>/dev/null || true
      run_as "$BIN/initdb" -D "$DIR/data" -U postgres -A trust --no-sync >/dev/null
      run_as "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w \
        -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c max_connections=50" start >/dev/null
    fi
    echo "export DETENTE_TEST_PG=postgresql+psycopg://postgres@127.0.0.1:$PORT/postgres"
    ;;
  stop)
    BIN=$(find_bin || true)
    [ -n "${BIN:-}" ] && [ -d "$DIR/data" ] && run_as "$BIN/pg_ctl" -D "$DIR/data" -m fast stop >/dev/null || true
    ;;
esac
