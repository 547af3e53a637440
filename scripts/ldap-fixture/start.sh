#!/bin/sh
# Starts a throwaway slapd on 127.0.0.1 for swift-sso's LDAP tests.
#   start.sh DIR            -> prints "PID PORT TLSPORT" (plain+StartTLS on PORT, ldaps on TLSPORT)
#   FIXTURE_TLS=0 start.sh  -> a plain-only server (no TLS at all; TLSPORT is 0)
# Config, certificates (test-only, generated here) and data live under DIR. A watchdog stops the
# server and removes DIR when the calling process (FIXTURE_OWNER_PID, default: our parent) exits.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
FIXTURES=${FIXTURE_LDIF_DIR:-$(cd "$HERE/../../Fixtures/ldap" && pwd)}
W=$(mkdir -p "$1" && cd "$1" && pwd)
OWNER=${FIXTURE_OWNER_PID:-$PPID}
freeport() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
PORT=$(freeport); TLSPORT=0; TLS=${FIXTURE_TLS:-1}
rm -rf "$W/run"; mkdir -p "$W/run/db" "$W/run/ipadb"
if [ "$TLS" = 1 ]; then "$HERE/gen-certs.sh" "$W/certs"; M=""; TLSPORT=$(freeport); else M="#"; fi
sed -e "s|@DIR@|$W|g" -e "s|@TLS@|$M|g" -e "s|@FIXTURES@|$FIXTURES|g" "$HERE/slapd.conf.in" > "$W/slapd.conf"
slapadd -q -f "$W/slapd.conf" -b dc=example,dc=org -l "$FIXTURES/openldap.ldif"
slapadd -q -f "$W/slapd.conf" -b dc=ipa,dc=test -l "$FIXTURES/freeipa.ldif"
URLS="ldap://127.0.0.1:$PORT/"; [ "$TLS" = 1 ] && URLS="$URLS ldaps://127.0.0.1:$TLSPORT/"
slapd -d 0 -f "$W/slapd.conf" -h "$URLS" >"$W/run/slapd.log" 2>&1 &
PID=$!
# Watchdog: if the owner dies without calling stop.sh, kill slapd and remove the directory.
( trap '' HUP INT
  while kill -0 "$OWNER" 2>/dev/null && kill -0 "$PID" 2>/dev/null; do sleep 0.5; done
  if kill -0 "$PID" 2>/dev/null; then kill "$PID" 2>/dev/null; sleep 0.3; kill -9 "$PID" 2>/dev/null; rm -rf "$W"; fi
) </dev/null >/dev/null 2>&1 &
i=0
until ldapwhoami -x -H "ldap://127.0.0.1:$PORT/" -D cn=svc,ou=services,dc=example,dc=org -w svc-pw >/dev/null 2>&1; do
  i=$((i+1))
  if ! kill -0 $PID 2>/dev/null || [ $i -ge 1000 ]; then cat "$W/run/slapd.log" >&2; kill $PID 2>/dev/null || true; exit 1; fi
  sleep 0.01
done
echo "$PID $PORT $TLSPORT" > "$W/run/info"
echo "$PID $PORT $TLSPORT"
