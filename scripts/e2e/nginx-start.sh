#!/bin/sh
# Starts nginx on 127.0.0.1 in front of two local server processes, round-robin.
#   nginx-start.sh DIR BACKEND_PORT_1 BACKEND_PORT_2  -> prints "PID PORT"
# DIR/access.log names the upstream of every request ($upstream_addr), so a run can show that a
# login's steps alternated replicas. No retry on the other replica (proxy_next_upstream off): a
# failing replica shows. A watchdog stops it when the caller (FIXTURE_OWNER_PID) exits.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd); . "$HERE/lib/common.sh"
W=$(mkdir -p "$1" && cd "$1" && pwd)
OWNER=${FIXTURE_OWNER_PID:-$PPID}
PORT=$(freeport)
mkdir -p "$W/tmp"
sed -e "s|@DIR@|$W|g" -e "s|@PORT@|$PORT|g" -e "s|@B1@|$2|g" -e "s|@B2@|$3|g" "$HERE/nginx/nginx.conf.in" > "$W/nginx.conf"
nginx -p "$W" -c "$W/nginx.conf" -e "$W/error.log" -g 'daemon off;' >"$W/stdout.log" 2>&1 &
PID=$!
watchdog "$OWNER" "$PID" "$HERE/nginx-stop.sh" "$W"
wait_http "http://127.0.0.1:$PORT/nginx-up" "$PID" "$W/error.log"
echo "$PID $PORT" > "$W/info"
echo "$PID $PORT"
