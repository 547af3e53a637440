#!/bin/sh
# Starts a throwaway 389 Directory Server (Debian's 389-ds-base) on 127.0.0.1.
#   ds-start.sh DIR  -> prints "PID PORT NAME"; suffix dc=ds,dc=e2e,dc=test, data Fixtures/e2e/389ds.ldif
# dscreate insists on systemctl: a stand-in (ds/systemctl) runs ns-slapd for it; afterwards we run
# ns-slapd ourselves in the foreground, listening on 127.0.0.1 only, memberOf plugin on. Its config
# must live in /etc/dirsrv/slapd-NAME (lib389 looks there); NAME is unique per run and ds-stop.sh
# removes it with DIR. A watchdog does the same when the caller (FIXTURE_OWNER_PID) exits.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd); . "$HERE/lib/common.sh"
DATA=$(cd "$HERE/../../Fixtures/e2e" && pwd)/389ds.ldif
W=$(mkdir -p "$1" && cd "$1" && pwd)
OWNER=${FIXTURE_OWNER_PID:-$PPID}
NAME=e2e$$; PORT=$(freeport); DM_PW=dm-pw-test-only
echo "$NAME" > "$W/name"
mkdir -p "$W/pids" "$W/tmp"
sed -e "s|@DIR@|$W|g" -e "s|@NAME@|$NAME|g" -e "s|@PORT@|$PORT|g" -e "s|@DM_PW@|$DM_PW|g" \
  "$HERE/ds/ds.inf.in" > "$W/ds.inf"
chown -R dirsrv:dirsrv "$W"
E2E_DS_RUN="$W/pids" PATH="$HERE/ds:$PATH" dscreate from-file "$W/ds.inf" >"$W/dscreate.log" 2>&1 \
  || { cat "$W/dscreate.log" >&2; rm -rf "/etc/dirsrv/slapd-$NAME"; exit 1; }
python3 - "/etc/dirsrv/slapd-$NAME/dse.ldif" <<'PY'
import sys
p = sys.argv[1]; out = []; entry = None
for line in open(p).read().split("\n"):
    if line.startswith("dn: "):
        entry = line[4:].lower()
    out.append(line)
    if line == "dn: cn=config":
        out.append("nsslapd-listenhost: 127.0.0.1")
    if entry == "cn=memberof plugin,cn=plugins,cn=config" and line.startswith("nsslapd-pluginEnabled:"):
        out[-1] = "nsslapd-pluginEnabled: on"
open(p, "w").write("\n".join(out))
PY
/usr/sbin/ns-slapd -D "/etc/dirsrv/slapd-$NAME" -i "$W/pids/fg.pid" -d 0 >"$W/ns-slapd.log" 2>&1 &
PID=$!
echo "$PID $PORT $NAME" > "$W/info"
watchdog "$OWNER" "$PID" "$HERE/ds-stop.sh" "$W"
i=0
until ldapwhoami -x -H "ldap://127.0.0.1:$PORT/" -D "cn=Directory Manager" -w "$DM_PW" >/dev/null 2>&1; do
  i=$((i+1))
  if ! kill -0 "$PID" 2>/dev/null || [ $i -ge 600 ]; then cat "$W/ns-slapd.log" "$W/log/errors" >&2; "$HERE/ds-stop.sh" "$W"; exit 1; fi
  sleep 0.05
done
ldapadd -x -H "ldap://127.0.0.1:$PORT/" -D "cn=Directory Manager" -w "$DM_PW" -f "$DATA" >"$W/ldapadd.log" 2>&1 \
  || { cat "$W/ldapadd.log" >&2; "$HERE/ds-stop.sh" "$W"; exit 1; }
echo "$PID $PORT $NAME"
