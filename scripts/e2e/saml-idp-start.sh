#!/bin/sh
# Starts SimpleSAMLphp (Debian's) as a SAML 2.0 IdP on 127.0.0.1, served by PHP's built-in server.
#   saml-idp-start.sh DIR  -> prints "PID PORT"; IdP metadata at http://127.0.0.1:PORT/saml2/idp/metadata.php
# Users (exampleauth:UserPass, test-only): alice / alice-pw, bob / bob-pw (mail @saml.e2e.test).
# Its signing key and certificate are generated here (test-only). Register the SP afterwards with
# saml-idp-register-sp.sh DIR SP_METADATA.xml. A watchdog stops it when the caller (FIXTURE_OWNER_PID,
# default our parent) exits; saml-idp-stop.sh DIR stops it by PID.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd); . "$HERE/lib/common.sh"
W=$(mkdir -p "$1" && cd "$1" && pwd)
OWNER=${FIXTURE_OWNER_PID:-$PPID}
PORT=$(freeport)
mkdir -p "$W/config" "$W/metadata" "$W/cert" "$W/data" "$W/tmp" "$W/log"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=e2e SimpleSAMLphp IdP (test only)" \
  -keyout "$W/cert/idp.key" -out "$W/cert/idp.crt" 2>/dev/null
sed -e "s|@DIR@|$W|g" -e "s|@PORT@|$PORT|g" "$HERE/simplesamlphp/config.php.in" > "$W/config/config.php"
cp "$HERE/simplesamlphp/authsources.php" "$W/config/authsources.php"
sed -e "s|@DIR@|$W|g" -e "s|@PORT@|$PORT|g" "$HERE/simplesamlphp/saml20-idp-hosted.php.in" > "$W/metadata/saml20-idp-hosted.php"
printf '<?php\n' > "$W/metadata/saml20-sp-remote.php"
SIMPLESAMLPHP_CONFIG_DIR="$W/config" php -S "127.0.0.1:$PORT" -t /usr/share/simplesamlphp/www \
  >"$W/log/php.log" 2>&1 &
PID=$!
watchdog "$OWNER" "$PID" "$HERE/saml-idp-stop.sh" "$W"
wait_http "http://127.0.0.1:$PORT/saml2/idp/metadata.php" "$PID" "$W/log/php.log"
echo "$PID $PORT" > "$W/info"
echo "$PID $PORT"
