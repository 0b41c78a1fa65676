#!/usr/bin/env bash
# A throwaway PostgreSQL 15 (Debian's packages) for tests, listening on 127.0.0.1.
#   scripts/pg-local.sh start    initdb on first use, start, wait until it accepts
#                                connections, print ONLY the connection URL on stdout
#   scripts/pg-local.sh stop     stop it (fast shutdown)
#   scripts/pg-local.sh status   print the URL and exit 0 when it is up, exit 1 otherwise
# State lives in .pg-local/ (git-ignored). When run as root the server runs as the
# `postgres` user (PostgreSQL refuses to run as root).
# Environment: HALLYU_PG_PORT (default 25432), HALLYU_PG_BIN (default
# /usr/lib/postgresql/15/bin), HALLYU_PG_DIR (default <repo>/.pg-local).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${HALLYU_PG_PORT:-25432}"
BIN="${HALLYU_PG_BIN:-/usr/lib/postgresql/15/bin}"
STATE="${HALLYU_PG_DIR:-$PWD/.pg-local}"
DATA="$STATE/data"
LOG="$STATE/server.log"
DB="hallyu"
URL="postgresql://hallyu@127.0.0.1:${PORT}/${DB}"

log() { echo "pg-local: $*" >&2; }

if [[ ! -x "$BIN/postgres" ]]; then
  log "no PostgreSQL at $BIN (run scripts/setup-deps.sh)"
  exit 1
fi

# as_server CMD...: run CMD as the user that owns the server.
as_server() {
  if [[ "$(id -u)" -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

is_up() { "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" -d "$DB" -U hallyu; }

start() {
  mkdir -p "$STATE"
  if [[ "$(id -u)" -eq 0 ]]; then chown postgres: "$STATE"; fi
  if [[ ! -f "$DATA/PG_VERSION" ]]; then
    log "initdb into $DATA"
    as_server "$BIN/initdb" -D "$DATA" -U hallyu --auth=trust -E UTF8 --locale=C.UTF-8 \
      >"$STATE/initdb.log" 2>&1 || { cat "$STATE/initdb.log" >&2; exit 1; }
  fi
  if ! is_up; then
    # Test-only settings: no fsync (speed), sockets in the state dir, loopback only.
    as_server "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 30 start \
      -o "-p $PORT -h 127.0.0.1 -k $STATE -c fsync=off -c synchronous_commit=off \
          -c full_page_writes=off -c max_connections=100" >/dev/null ||
      { log "start failed; tail of $LOG:"; tail -n 20 "$LOG" >&2; exit 1; }
  fi
  for _ in $(seq 1 60); do
    if is_up; then break; fi
    sleep 0.5
  done
  if ! is_up; then
    log "server did not accept connections within 30 s; tail of $LOG:"
    tail -n 20 "$LOG" >&2
    exit 1
  fi
  # Create the database on first start (template connection is always there).
  if ! "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U hallyu -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname='$DB'" 2>/dev/null | grep -q 1; then
    "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U hallyu "$DB"
  fi
  echo "$URL"
}

stop() {
  if [[ -f "$DATA/postmaster.pid" ]]; then
    as_server "$BIN/pg_ctl" -D "$DATA" -m fast -w -t 30 stop >/dev/null || true
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status)
    if is_up; then echo "$URL"; else exit 1; fi
    ;;
  *)
    echo "usage: $0 start|stop|status" >&2
    exit 2
    ;;
esac
