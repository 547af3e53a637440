#!/bin/sh
# Registers an SP with the IdP of saml-idp-start.sh DIR from its metadata XML (a file or an http URL),
# through SimpleSAMLphp's own parser; the response and assertion are signed (sha256).
#   saml-idp-register-sp.sh DIR SP_METADATA   (repeatable: each call adds an SP)
set -eu
W=$(cd "$1" && pwd)
case "$2" in http*) curl -sf "$2" > "$W/sp-$$.xml";; *) cp "$2" "$W/sp-$$.xml";; esac
php -r '
require "/usr/share/simplesamlphp/lib/_autoload.php";
$xml = file_get_contents($argv[1]);
$entities = \SimpleSAML\Metadata\SAMLParser::parseDescriptorsString($xml);
foreach ($entities as $id => $e) {
  $m = $e->getMetadata20SP();
  if ($m === null) { fwrite(STDERR, "no SP in metadata\n"); exit(1); }
  $m["saml20.sign.response"] = true; $m["saml20.sign.assertion"] = true;
  $m["signature.algorithm"] = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
  echo "\$metadata[" . var_export($id, true) . "] = " . var_export($m, true) . ";\n";
}' "$W/sp-$$.xml" >> "$W/metadata/saml20-sp-remote.php"
rm -f "$W/sp-$$.xml"
