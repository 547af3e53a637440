#!/bin/sh
# Stops the server start.sh started in DIR (fast shutdown, then SIGKILL) and removes DIR.
set -u
W=$1
PM=$(head -1 "$W/data/postmaster.pid" 2>/dev/null || echo "")
if [ -n "$PM" ]; then
  kill -INT "$PM" 2>/dev/null
  i=0; while kill -0 "$PM" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.05; i=$((i+1)); done
  pkill -9 -P "$PM" 2>/dev/null
  kill -9 "$PM" 2>/dev/null
fi
rm -rf "$W"
