#!/bin/sh
# test-ca.sh DIR NAME: a throwaway test CA (DIR/ca.crt, once) and a server certificate NAME.crt/.key
# for 127.0.0.1, localhost and this host's name, signed by it. Test-only; never committed.
set -eu
D=$1; N=$2; mkdir -p "$D"
if [ ! -f "$D/ca.crt" ]; then
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=swift-sso e2e test CA (test only)" \
    -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign \
    -keyout "$D/ca.key" -out "$D/ca.crt" 2>/dev/null
fi
openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" -keyout "$D/$N.key" -out "$D/$N.csr" 2>/dev/null
printf 'subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:%s\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' \
  "$(hostname)" > "$D/$N.ext"
openssl x509 -req -in "$D/$N.csr" -CA "$D/ca.crt" -CAkey "$D/ca.key" -CAcreateserial -days 2 \
  -extfile "$D/$N.ext" -out "$D/$N.crt" 2>/dev/null
rm -f "$D/$N.csr" "$D/$N.ext"
