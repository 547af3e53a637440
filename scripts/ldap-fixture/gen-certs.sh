#!/bin/sh
# Generates a throwaway test CA, a second unrelated CA ("wrong CA") and a server certificate for
# 127.0.0.1 into DIR. TEST-ONLY material: created at fixture time, never committed.
set -eu
mkdir -p "$1"; cd "$1"; [ -f server.crt ] && exit 0
umask 077
R="openssl req -newkey rsa:2048 -nodes -days 2"
$R -x509 -subj "/CN=swift-sso LDAP fixture CA (test only)" -keyout ca.key -out ca.crt 2>/dev/null
$R -x509 -subj "/CN=swift-sso wrong CA (test only)" -keyout wrongca.key -out wrongca.crt 2>/dev/null
$R -subj "/CN=127.0.0.1" -keyout server.key -out server.csr 2>/dev/null
printf 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' > san.ext
openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 \
  -extfile san.ext -out server.crt 2>/dev/null
chmod 644 ca.crt wrongca.crt server.crt
