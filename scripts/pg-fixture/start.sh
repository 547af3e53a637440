#!/bin/sh
# Starts a throwaway PostgreSQL on 127.0.0.1 for swift-sso's PostgreSQL tests.
#   start.sh DIR  -> prints "PID PORT" (database "sso", user "sso", password "sso-test-only")
# Run again on a DIR whose server pause.sh stopped, it starts the same cluster on the same port.
# The cluster lives under DIR (initdb there; as root, the server runs as the Debian `postgres`
# user). A watchdog stops the server and removes DIR when the calling process
# (FIXTURE_OWNER_PID, default: our parent) exits.
set -eu
BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)}
W=$(mkdir -p "$1" && cd "$1" && pwd)
OWNER=${FIXTURE_OWNER_PID:-$PPID}
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
FRESH=1
if [ -f "$W/info" ]; then
  FRESH=0; PORT=$(cut -d' ' -f2 "$W/info")
else
  PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
  if [ "$(id -u)" = 0 ]; then chown postgres "$W"; fi
  chmod 700 "$W"
  printf 'sso-test-only\n' > "$W/pwfile"; chmod 644 "$W/pwfile"
  as_owner "$BIN/initdb" -D "$W/data" -U sso --pwfile="$W/pwfile" --auth=scram-sha-256 -E UTF8 --locale=C >"$W/initdb.log" 2>&1
fi
as_owner "$BIN/postgres" -D "$W/data" -p "$PORT" -c listen_addresses=127.0.0.1 -c unix_socket_directories="$W" \
  -c fsync=off -c max_connections=200 >"$W/postgres.log" 2>&1 &
PID=$!
# Watchdog: if the owner dies without calling stop.sh, stop the server and remove the directory.
( trap '' HUP INT
  while kill -0 "$OWNER" 2>/dev/null && kill -0 "$PID" 2>/dev/null; do sleep 0.5; done
  if kill -0 "$PID" 2>/dev/null; then "$(dirname "$0")/stop.sh" "$W"; fi
) </dev/null >/dev/null 2>&1 &
i=0
until PGPASSWORD=sso-test-only "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U sso -d postgres -c 'select 1' >/dev/null 2>&1; do
  i=$((i+1))
  if ! kill -0 $PID 2>/dev/null || [ $i -ge 500 ]; then cat "$W/postgres.log" >&2; kill $PID 2>/dev/null || true; exit 1; fi
  sleep 0.02
done
if [ "$FRESH" = 1 ]; then
  PGPASSWORD=sso-test-only "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U sso -d postgres -q -c 'CREATE DATABASE sso' >/dev/null
fi
echo "$PID $PORT" > "$W/info"
echo "$PID $PORT"
