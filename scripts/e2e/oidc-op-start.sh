#!/bin/sh
# Starts idpyoidc's OpenID Provider (oidc/op.py) over TLS on 127.0.0.1.
#   oidc-op-start.sh DIR REDIRECT_URI [REDIRECT_URI ...]  -> prints "PID PORT"
# Issuer https://127.0.0.1:PORT; its certificate is signed by a test CA made here (DIR/ca/ca.crt,
# or $E2E_CA_DIR's when given, so one CA can cover every IdP). Client e2e-client, PKCE S256 required.
# A watchdog stops it when the caller (FIXTURE_OWNER_PID, default our parent) exits.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd); . "$HERE/lib/common.sh"
W=$(mkdir -p "$1" && cd "$1" && pwd); shift
OWNER=${FIXTURE_OWNER_PID:-$PPID}
CA=${E2E_CA_DIR:-$W/ca}
sh "$HERE/lib/test-ca.sh" "$CA" oidc-op
PORT=$(freeport)
R=""; for u in "$@"; do R="$R --redirect-uri $u"; done
# shellcheck disable=SC2086
python3 "$HERE/oidc/op.py" --dir "$W" --port "$PORT" --cert "$CA/oidc-op.crt" --key "$CA/oidc-op.key" $R \
  >"$W/stdout.log" 2>&1 &
PID=$!
watchdog "$OWNER" "$PID" "$HERE/oidc-op-stop.sh" "$W"
wait_http "https://127.0.0.1:$PORT/healthz" "$PID" "$W/stdout.log" "--cacert $CA/ca.crt"
echo "$PID $PORT" > "$W/info"
echo "$PID $PORT"
