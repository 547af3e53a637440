#!/bin/sh
# Stops the OP started by oidc-op-start.sh DIR (by PID) and removes DIR.
set -u
HERE=$(cd "$(dirname "$0")" && pwd); . "$HERE/lib/common.sh"
[ -f "$1/info" ] && stop_pid "$(cut -d' ' -f1 "$1/info")"
rm -rf "$1"
