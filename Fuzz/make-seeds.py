#!/usr/bin/env python3
"""Writes the seed corpus of one fuzz target, generated from Fixtures/ (so no fixture is copied
into the repository twice). Usage: make-seeds.py FIXTURES TARGET OUTDIR"""
import base64
import glob
import hashlib
import json
import os
import sys

fixtures, target, out = sys.argv[1], sys.argv[2], sys.argv[3]
RESPONSE_IDPS = ["okta", "adfs", "entra-id", "google-workspace", "onelogin", "pingfederate", "auth0"]


def read(path):
    with open(path, "rb") as handle:
        return handle.read()


def emit(data):
    if isinstance(data, str):
        data = data.encode()
    with open(os.path.join(out, hashlib.sha1(data).hexdigest()), "wb") as handle:
        handle.write(data)


oidc = sorted(glob.glob(os.path.join(fixtures, "oidc", "*", "")))
saml = sorted(glob.glob(os.path.join(fixtures, "saml", "*", "")))

if target == "jws":
    for folder in oidc:
        if os.path.exists(folder + "id_token.jwt"):
            emit(read(folder + "id_token.jwt").strip())
elif target == "jwks":
    for folder in oidc:
        if os.path.exists(folder + "jwks.json"):
            emit(read(folder + "jwks.json"))
elif target == "discovery":
    for folder in oidc:
        if os.path.exists(folder + "discovery.json"):
            emit(read(folder + "discovery.json"))
elif target == "saml-response":
    # First byte selects the fixture IdP (SAMLOracles.responseIdPs); raw XML and base64 forms.
    for index, idp in enumerate(RESPONSE_IDPS):
        xml = read(os.path.join(fixtures, "saml", idp, "response.xml"))
        emit(bytes([index]) + xml)
        emit(bytes([index]) + base64.b64encode(xml))
elif target == "saml-encrypted":
    for name in sorted(glob.glob(os.path.join(fixtures, "saml", "encrypted", "response*.xml"))):
        xml = read(name)
        emit(xml)
        emit(base64.encodebytes(xml))
elif target == "saml-metadata":
    for folder in saml:
        if os.path.exists(folder + "metadata.xml"):
            emit(read(folder + "metadata.xml"))
elif target == "ldap-escape":
    for name in sorted(glob.glob(os.path.join(fixtures, "ldap", "*.ldif"))):
        for line in read(name).splitlines():
            if line.startswith((b"dn:", b"uid:", b"cn:", b"mail:", b"member:")):
                emit(line.split(b":", 1)[1].strip())
    for value in ["*", "*)(uid=*))(|(uid=*", "a\\2a", "\\", "(", ")", "\x00", " #lead", "trail ",
                  "Jörg", "cn=x,ou=y", "a+b=c", "é\u0301", "\ufeff"]:
        emit(value)
elif target == "domain":
    emails = set()
    for folder in saml + oidc:
        for name in ("settings.json", "expected.json"):
            path = folder + name
            if os.path.exists(path):
                data = json.loads(read(path))
                if isinstance(data, dict) and isinstance(data.get("email"), str):
                    emails.add(data["email"])
    for value in sorted(emails) + ["Example.COM.", "bücher.example", "xn--bcher-kva.example",
                                   "BOB@Bücher.Example", "faß.de", "a..b", "-a.example", "1.2.3.4",
                                   "[::1]", "ＥＸＡＭＰＬＥ．ｃｏｍ", "i̇stanbul.example"]:
        emit(value)
else:
    sys.exit("unknown target " + target)
