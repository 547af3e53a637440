#!/bin/sh
# Stops the 389-ds started by ds-start.sh DIR (by PID), removes its /etc/dirsrv/slapd-NAME and DIR.
set -u
HERE=$(cd "$(dirname "$0")" && pwd); . "$HERE/lib/common.sh"
[ -f "$1/info" ] && stop_pid "$(cut -d' ' -f1 "$1/info")"
[ -f "$1/pids/fg.pid" ] && stop_pid "$(cat "$1/pids/fg.pid")"
if [ -f "$1/name" ]; then
  N=$(cat "$1/name")
  case "$N" in e2e[0-9]*) rm -rf "/etc/dirsrv/slapd-$N" "/etc/default/dirsrv-$N" "/etc/sysconfig/dirsrv-$N";; esac
fi
rm -rf "$1"
