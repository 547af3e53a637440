#!/usr/bin/env python3
"""Checks the e2e OP on its own, as a client would, before the browser run relies on it:
code flow with PKCE S256 gets tokens; the same flow with a wrong verifier, or without any
code_challenge, is refused. Prints one line per check; exits non-zero on any surprise.

    selfcheck.py ISSUER CA_FILE REDIRECT_URI
"""
import base64
import hashlib
import html.parser
import secrets
import sys
import urllib.parse

import requests

CLIENT = ("e2e-client", "e2e-client-secret-test-only")


class Form(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.action, self.fields = None, {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.action = a.get("action")
        if tag == "input" and a.get("name"):
            self.fields[a["name"]] = a.get("value", "")


def login(s, issuer, redirect_uri, challenge, method="S256", password="carol-pw"):
    q = {"response_type": "code", "client_id": CLIENT[0], "redirect_uri": redirect_uri,
         "scope": "openid email profile", "state": secrets.token_urlsafe(8), "nonce": secrets.token_urlsafe(8)}
    if challenge:
        q.update(code_challenge=challenge, code_challenge_method=method)
    s.cookies.clear()  # no SSO session at the OP: every check signs in afresh
    r = s.get(f"{issuer}/authorization", params=q, allow_redirects=False)
    if r.status_code != 200 or "<form" not in r.text:
        return None, r
    f = Form(); f.feed(r.text)
    f.fields.update(username="carol", password=password)
    r = s.post(urllib.parse.urljoin(issuer + "/", f.action), data=f.fields, allow_redirects=False)
    loc = r.headers.get("Location", "")
    code = urllib.parse.parse_qs(urllib.parse.urlparse(loc).query).get("code", [None])[0]
    return code, r


def token(s, issuer, redirect_uri, code, verifier):
    data = {"grant_type": "authorization_code", "code": code, "redirect_uri": redirect_uri}
    if verifier is not None:
        data["code_verifier"] = verifier
    return s.post(f"{issuer}/token", data=data, auth=CLIENT)


def main() -> int:
    issuer, ca, redirect_uri = sys.argv[1:4]
    s = requests.Session(); s.trust_env = False; s.verify = ca
    failures = 0

    def check(name, ok, detail=""):
        nonlocal failures
        print(f"{'ok ' if ok else 'FAIL'} {name} {detail}".rstrip())
        failures += 0 if ok else 1

    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    code, r = login(s, issuer, redirect_uri, challenge)
    t = token(s, issuer, redirect_uri, code, verifier) if code else r
    check("PKCE S256 with the right verifier gets an ID token", t.status_code == 200 and "id_token" in t.text,
          f"({t.status_code})")
    code, r = login(s, issuer, redirect_uri, challenge)
    t = token(s, issuer, redirect_uri, code, secrets.token_urlsafe(48)) if code else r
    check("a wrong code_verifier is refused", t.status_code == 400 and "invalid_grant" in t.text, f"({t.status_code} {t.text[:80]})")
    code, r = login(s, issuer, redirect_uri, challenge)
    t = token(s, issuer, redirect_uri, code, None) if code else r
    check("a missing code_verifier is refused", t.status_code >= 400, f"({t.status_code} {t.text[:80]})")
    code, r = login(s, issuer, redirect_uri, None)
    check("an authorization request without code_challenge is refused", code is None, f"({r.status_code})")
    code, r = login(s, issuer, redirect_uri, verifier, method="plain")
    check("code_challenge_method=plain is refused", code is None, f"({r.status_code})")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
