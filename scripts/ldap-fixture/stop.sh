#!/bin/sh
# Stops the slapd started by start.sh DIR and removes DIR.
set -eu
W=$1
if [ -f "$W/run/info" ]; then
  read PID PORT TLSPORT < "$W/run/info"
  kill "$PID" 2>/dev/null || true; i=0
  while st=$(ps -o stat= -p "$PID" 2>/dev/null) && [ "${st#Z}" = "$st" ] && [ $i -lt 300 ]; do sleep 0.01; i=$((i+1)); done
  kill -9 "$PID" 2>/dev/null || true
fi
rm -rf "$W"
