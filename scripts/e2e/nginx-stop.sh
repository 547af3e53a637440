#!/bin/sh
# Stops the nginx started by nginx-start.sh DIR (by PID; its workers exit with it) and removes DIR.
set -u
HERE=$(cd "$(dirname "$0")" && pwd); . "$HERE/lib/common.sh"
[ -f "$1/info" ] && stop_pid "$(cut -d' ' -f1 "$1/info")"
rm -rf "$1"
