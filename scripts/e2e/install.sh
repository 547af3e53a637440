#!/bin/sh
# Installs what the end-to-end run needs (idempotent: a second run only checks).
# Debian: SimpleSAMLphp served by PHP's built-in server, 389-ds-base and slapd, nginx, headless
# Chromium and its WebDriver. PyPI: idpyoidc (the OpenID Provider) and selenium.
set -eu
need_apt=""
for p in simplesamlphp php-cli php-xml php-mbstring php-curl chromium chromium-driver 389-ds-base \
  nginx-light slapd ldap-utils openssl curl bc; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need_apt="$need_apt $p"
done
if [ -n "$need_apt" ]; then
  export DEBIAN_FRONTEND=noninteractive
  # Never let a package's postinst start its system-wide service (apache2, nginx, slapd, dirsrv).
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod 755 /usr/sbin/policy-rc.d
  trap 'rm -f /usr/sbin/policy-rc.d' EXIT
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $need_apt >/dev/null
fi
py_need=""
python3 -c 'import idpyoidc' 2>/dev/null || py_need="$py_need idpyoidc"
python3 -c 'import selenium' 2>/dev/null || py_need="$py_need selenium"
python3 -c 'import flask' 2>/dev/null || py_need="$py_need flask"
python3 -c 'import requests' 2>/dev/null || py_need="$py_need requests"
if [ -n "$py_need" ]; then
  # shellcheck disable=SC2086
  pip install -q --break-system-packages $py_need 2>/dev/null || pip install -q $py_need
fi
