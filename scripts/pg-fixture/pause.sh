#!/bin/sh
# Kills the server start.sh started in DIR — the postmaster and every backend, with SIGKILL, as
# a crash or a lost host looks to clients — and keeps its data, so start.sh DIR brings the same
# cluster back on the same port.
set -u
PM=$(head -1 "$1/data/postmaster.pid" 2>/dev/null || echo "")
[ -n "$PM" ] || exit 0
pkill -9 -P "$PM" 2>/dev/null
kill -9 "$PM" 2>/dev/null
i=0; while kill -0 "$PM" 2>/dev/null && [ $i -lt 200 ]; do sleep 0.05; i=$((i+1)); done
rm -f "$1/data/postmaster.pid"
