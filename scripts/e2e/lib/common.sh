# Shared helpers for the e2e fixture scripts (sourced, POSIX sh).
freeport() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
# watchdog OWNER PID STOPSCRIPT DIR: when OWNER exits while PID still runs, run STOPSCRIPT DIR.
watchdog() {
  ( trap '' HUP INT
    while kill -0 "$1" 2>/dev/null && kill -0 "$2" 2>/dev/null; do sleep 0.5; done
    if kill -0 "$2" 2>/dev/null; then "$3" "$4"; fi
  ) </dev/null >/dev/null 2>&1 &
}
# alive PID: running and not a zombie (our servers' parents exit, so nobody may reap them soon).
alive() { st=$(ps -o stat= -p "$1" 2>/dev/null) && [ "${st#Z}" = "$st" ]; }
# stop_pid PID: SIGTERM, wait up to 5 s, then SIGKILL.
stop_pid() {
  kill "$1" 2>/dev/null || return 0
  i=0; while alive "$1" && [ $i -lt 100 ]; do sleep 0.05; i=$((i+1)); done
  kill -9 "$1" 2>/dev/null || true
}
# wait_http URL PID LOG [CURLOPTS]: until URL answers (any status) or PID dies (then LOG is shown).
wait_http() {
  i=0
  until curl -s -o /dev/null ${4:-} "$1"; do
    i=$((i+1))
    if ! kill -0 "$2" 2>/dev/null || [ $i -ge 600 ]; then cat "$3" >&2; stop_pid "$2"; return 1; fi
    sleep 0.05
  done
}
