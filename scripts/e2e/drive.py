#!/usr/bin/env python3
"""Drives headless Chromium through sso-example-server against the real IdPs, as a user would.

    drive.py --base URL --env FILE [--label NAME] [--nginx-log FILE]

FILE (written by scripts/e2e/run) is shell-style KEY=VALUE lines: ADMIN_TOKEN, SAML_IDP (base URL),
SAML_DIR (for saml-idp-register-sp.sh), OIDC_ISSUER, OIDC_DIR (its pkce.log), OIDC_CERT (the OP's
certificate, trusted by the browser by SPKI pin only), DS_PORT (389-ds), SLAPD_TLSPORT and
SLAPD_CA (slapd, LDAPS). Creates the connections through the admin API, then runs each step in
its own browser profile unless the step needs the same one, screenshotting every step into
$E2E_LOG_DIR/LABEL (default: a temporary folder). Prints "ok"/"FAIL" per check and a closing
"N passed, N failed" line; exits non-zero on any failure.
"""
import argparse
import base64
import json
import os
import re
import shlex
import signal
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

HERE = os.path.dirname(os.path.realpath(__file__))
WAIT = 20


class Run:
    def __init__(self, args):
        self.base = args.base.rstrip("/")
        self.env = read_env(args.env)
        self.label = args.label
        root = os.environ.get("E2E_LOG_DIR") or tempfile.mkdtemp(prefix="sso-e2e-")
        self.logdir = os.path.join(root, self.label)
        os.makedirs(self.logdir, exist_ok=True)
        self.nginx_log = args.nginx_log
        self.passed, self.failed, self.shot = 0, 0, 0
        self.browsers = []
        self.profiles = tempfile.mkdtemp(prefix="sso-e2e-profiles-")  # removed in close()
        self.connections = {}

    # --- reporting -------------------------------------------------------------------------
    def check(self, name, ok, detail=""):
        print(f"{'ok  ' if ok else 'FAIL'} [{self.label}] {name}{(' — ' + detail) if detail and not ok else ''}",
              flush=True)
        if ok:
            self.passed += 1
        else:
            self.failed += 1
        return ok

    def screenshot(self, driver, step):
        self.shot += 1
        path = os.path.join(self.logdir, f"{self.shot:02d}-{re.sub(r'[^a-z0-9]+', '-', step.lower())}.png")
        driver.save_screenshot(path)
        with open(path[:-4] + ".url", "w") as f:
            f.write(driver.current_url + "\n")

    # --- admin API ---------------------------------------------------------------------------
    def admin(self, method, path, body=None, expect=(200, 201, 204)):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.base + path, data=data, method=method)
        req.add_header("Authorization", "Bearer " + self.env["ADMIN_TOKEN"])
        req.add_header("Accept", "application/json")
        if data is not None:
            req.add_header("Content-Type", "application/json")
        try:
            with opener().open(req, timeout=30) as r:
                status, text = r.status, r.read().decode()
        except urllib.error.HTTPError as e:
            status, text = e.code, e.read().decode()
        if status not in expect:
            raise RuntimeError(f"{method} {path}: {status} {text[:500]}")
        return json.loads(text) if text.strip() else None

    def create_connections(self):
        saml_metadata = fetch(self.env["SAML_IDP"] + "/saml2/idp/metadata.php")
        c = self.admin("POST", "/admin/sso/connections", {
            "name": "SimpleSAMLphp", "protocol": "saml", "domains": ["saml.e2e.test"],
            "metadata_xml": saml_metadata, "entity_id": self.base + "/sso/saml/sp",
            "assertion_consumer_service_url": self.base + "/sso/saml/callback",
            "allow_unsolicited": True, "jit_provisioning": True,
            "attribute_mapping": {"email": "mail", "name": "displayName", "groups": "eduPersonAffiliation"},
        })
        # The connection's own ACS (/sso/saml/callback/{id}) takes IdP-initiated responses too.
        c = self.admin("PATCH", "/admin/sso/connections/" + c["id"],
                       {"assertion_consumer_service_url": self.base + "/sso/saml/callback/" + c["id"]})
        self.connections["saml"] = c
        sp_metadata = fetch(self.base + "/sso/saml/metadata/" + c["id"])
        with tempfile.NamedTemporaryFile("w", suffix=".xml", delete=False) as f:
            f.write(sp_metadata)
        subprocess.run([os.path.join(HERE, "saml-idp-register-sp.sh"), self.env["SAML_DIR"], f.name], check=True)
        os.unlink(f.name)
        self.check("SAML connection created from SimpleSAMLphp's metadata; SP registered there from ours",
                   "entityID" in sp_metadata)
        self.connections["oidc"] = self.admin("POST", "/admin/sso/connections", {
            "name": "idpyoidc OP", "protocol": "oidc", "domains": ["oidc.e2e.test"],
            "issuer_url": self.env["OIDC_ISSUER"], "client_id": "e2e-client",
            "client_secret": "e2e-client-secret-test-only", "redirect_uris": [self.base + "/sso/callback"],
            "jit_provisioning": True,
        })
        self.connections["ds"] = self.admin("POST", "/admin/sso/connections", {
            "name": "389 Directory Server", "protocol": "ldap", "domains": ["ldap.e2e.test"],
            "server_url": f"ldap://127.0.0.1:{self.env['DS_PORT']}", "tls_mode": "plain", "allow_plaintext": True,
            "bind_dn": "uid=svc,ou=services,dc=ds,dc=e2e,dc=test", "bind_password": "svc-pw-test-only",
            "user_search_base": "ou=people,dc=ds,dc=e2e,dc=test", "user_attribute": "uid",
            "group_search_base": "ou=groups,dc=ds,dc=e2e,dc=test", "jit_provisioning": True,
        })
        with open(self.env["SLAPD_CA"]) as f:
            slapd_ca = f.read()
        self.connections["slapd"] = self.admin("POST", "/admin/sso/connections", {
            "name": "OpenLDAP slapd", "protocol": "ldap", "domains": ["example.org"],
            "server_url": f"ldaps://127.0.0.1:{self.env['SLAPD_TLSPORT']}", "ca_certificate_pem": slapd_ca,
            "bind_dn": "cn=svc,ou=services,dc=example,dc=org", "bind_password": "svc-pw",
            "user_search_base": "ou=people,dc=example,dc=org", "group_search_base": "ou=groups,dc=example,dc=org",
            "jit_provisioning": True,
        })
        for key in ("oidc", "ds", "slapd"):
            self.check(f"{key} connection created through the admin API", bool(self.connections[key].get("id")))

    # --- browser -------------------------------------------------------------------------------
    def browser(self, name, network_log=False):
        opts = webdriver.ChromeOptions()
        if network_log:
            opts.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
        opts.binary_location = "/usr/bin/chromium"
        for a in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                  "--window-size=1100,850", "--no-first-run", "--disable-features=Translate",
                  f"--user-data-dir={os.path.join(self.profiles, name)}",
                  f"--ignore-certificate-errors-spki-list={spki(self.env['OIDC_CERT'])}"):
            opts.add_argument(a)
        d = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
        d.set_page_load_timeout(WAIT)
        self.browsers.append(d)
        return d

    def close(self):
        for d in self.browsers:
            try:
                d.quit()
            except Exception:
                pass
        shutil.rmtree(self.profiles, ignore_errors=True)

    def start_login(self, d, email, step, via_form=False):
        """Starts a login at /sso/login?email= (the contract's route), or through the home page's form."""
        if not via_form:
            d.get(self.base + "/sso/login?email=" + urllib.request.quote(email, safe=""))
            return
        d.get(self.base + "/")
        self.screenshot(d, f"{step} home")
        box = d.find_element(By.NAME, "email")
        box.clear()
        box.send_keys(email)
        box.submit()

    def wait(self, d, cond):
        try:
            WebDriverWait(d, WAIT).until(cond)
            return True
        except Exception:
            return False

    def on_dashboard(self, d, email):
        ok = self.wait(d, lambda x: x.current_url.startswith(self.base + "/dashboard") and email in x.page_source)
        return ok

    def saml_idp_login(self, d, user, password, step):
        self.wait(d, EC.presence_of_element_located((By.ID, "password")))
        self.screenshot(d, f"{step} SimpleSAMLphp login")
        d.find_element(By.ID, "username").clear()
        d.find_element(By.ID, "username").send_keys(user)
        d.find_element(By.ID, "password").send_keys(password)
        d.find_element(By.ID, "submit_button").click()

    def oidc_op_login(self, d, user, password, step, before_submit=None):
        self.wait(d, EC.presence_of_element_located((By.ID, "password")))
        self.screenshot(d, f"{step} OP login")
        if before_submit:
            before_submit()
        d.find_element(By.ID, "username").send_keys(user)
        d.find_element(By.ID, "password").send_keys(password)
        d.find_element(By.ID, "submit").click()

    def ldap_form_login(self, d, user, password, step):
        self.wait(d, EC.presence_of_element_located((By.NAME, "password")))
        self.screenshot(d, f"{step} LDAP form")
        d.find_element(By.NAME, "username").clear()
        d.find_element(By.NAME, "username").send_keys(user)
        d.find_element(By.NAME, "password").send_keys(password)
        d.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()

    def shows_error(self, d, code):
        return self.wait(d, lambda x: code in x.page_source)

    def session_of(self, email):
        sessions = self.admin("GET", "/admin/sso/sessions")["sessions"]
        return [s for s in sessions if s.get("email") == email]

    # --- the steps -----------------------------------------------------------------------------
    def home_form(self):
        d = self.browser("home-form", network_log=True)
        self.start_login(d, "alice@saml.e2e.test", "home-form", via_form=True)
        ok = self.wait(d, lambda x: x.current_url.startswith(self.env["SAML_IDP"]))
        self.screenshot(d, "home-form after submit")
        blocked = [json.loads(e["message"])["message"]["params"].get("blockedReason") for e in d.get_log("performance")
                   if json.loads(e["message"])["message"].get("method") == "Network.loadingFailed"]
        console = [e.get("message", "")[:300] for e in d.get_log("browser")]
        self.check("the home page's email form takes the browser to the IdP", ok,
                   f"still at {d.current_url}; blocked: {[b for b in blocked if b]}; console: {console}")

    def saml_sp_initiated(self):
        d = self.browser("saml-sp")
        self.start_login(d, "alice@saml.e2e.test", "saml-sp")
        self.saml_idp_login(d, "alice", "alice-pw", "saml-sp")
        ok = self.on_dashboard(d, "alice@saml.e2e.test")
        self.screenshot(d, "saml-sp dashboard")
        self.check("SAML SP-initiated login (SimpleSAMLphp) reaches the dashboard", ok, d.current_url)
        self.check("the dashboard names the SAML connection and the user's name",
                   "SimpleSAMLphp" in d.page_source and "Alice Saml" in d.page_source)
        # logout
        try:
            d.find_element(By.XPATH, "//form[@action='/sso/logout']//button").click()
        except Exception as e:
            self.check("dashboard has a sign-out button", False, str(e))
            return
        self.wait(d, lambda x: not x.current_url.startswith(self.base + "/dashboard"))
        self.screenshot(d, "saml-sp after logout")
        d.get(self.base + "/dashboard")
        self.wait(d, lambda x: "/dashboard" not in x.current_url)
        self.screenshot(d, "saml-sp dashboard after logout")
        self.check("after logout /dashboard sends the browser back to /", d.current_url.rstrip("/") == self.base,
                   d.current_url)

    def saml_idp_initiated(self):
        d = self.browser("saml-idp")
        entity = self.base + "/sso/saml/sp"
        d.get(self.env["SAML_IDP"] + "/saml2/idp/SSOService.php?spentityid=" + urllib.request.quote(entity, safe=""))
        self.saml_idp_login(d, "bob", "bob-pw", "saml-idp-initiated")
        ok = self.on_dashboard(d, "bob@saml.e2e.test")
        self.screenshot(d, "saml-idp-initiated dashboard")
        self.check("SAML IdP-initiated login (unsolicited response) reaches the dashboard", ok, d.current_url)

    def saml_wrong_password(self):
        d = self.browser("saml-wrong")
        self.start_login(d, "alice@saml.e2e.test", "saml-wrong-password")
        self.saml_idp_login(d, "alice", "not-the-password", "saml-wrong-password")
        ok = self.wait(d, lambda x: "Incorrect username or password" in x.page_source)
        self.screenshot(d, "saml-wrong-password refused at IdP")
        self.check("a wrong password at SimpleSAMLphp is refused there (no session here)",
                   ok and not self.session_of("alice@saml.e2e.test"))

    def oidc_login(self):
        log = os.path.join(self.env["OIDC_DIR"], "pkce.log")
        before = len(read_lines(log))
        d = self.browser("oidc")
        self.start_login(d, "carol@oidc.e2e.test", "oidc")
        self.oidc_op_login(d, "carol", "carol-pw", "oidc")
        ok = self.on_dashboard(d, "carol@oidc.e2e.test")
        self.screenshot(d, "oidc dashboard")
        self.check("OIDC login (idpyoidc OP over TLS) reaches the dashboard", ok, d.current_url)
        seen = [json.loads(x) for x in read_lines(log)[before:]]
        authz = [x for x in seen if x["endpoint"] == "authorization"]
        token = [x for x in seen if x["endpoint"] == "token"]
        refused = [x for x in seen if x["endpoint"] == "token-refused"]
        self.check("the OP saw code_challenge_method=S256 on the authorization request",
                   bool(authz) and all(x["code_challenge_method"] == "S256" and x["code_challenge"] for x in authz),
                   json.dumps(authz))
        self.check("the OP saw a code_verifier on the token request and refused none",
                   bool(token) and all(x["has_code_verifier"] for x in token) and not refused,
                   json.dumps(token + refused))
        return d

    def oidc_wrong_password(self):
        d = self.browser("oidc-wrong")
        self.start_login(d, "carol@oidc.e2e.test", "oidc-wrong-password")
        self.oidc_op_login(d, "carol", "wrong", "oidc-wrong-password")
        ok = self.wait(d, EC.presence_of_element_located((By.ID, "op-error")))
        self.screenshot(d, "oidc-wrong-password refused at OP")
        self.check("a wrong password at the OP is refused there", ok)

    def callback_replay(self):
        # Browser A signs in at the OP, which shows its redirect back as a link for this user (see
        # oidc/op.py HOLD_USERS); browser B, another profile, opens that URL first: refused as login
        # CSRF. Then A follows the link and is signed in: the refusal was about the browser.
        a = self.browser("replay-a")
        self.start_login(a, "dan@oidc.e2e.test", "replay")
        self.oidc_op_login(a, "dan", "dan-pw", "replay")
        self.wait(a, EC.presence_of_element_located((By.ID, "continue")))
        self.screenshot(a, "replay OP holds the redirect in browser A")
        url = a.find_element(By.ID, "continue").get_attribute("href")
        if not self.check("browser A got the OP's redirect back to /sso/callback with a code",
                          url.startswith(self.base + "/sso/callback") and "code=" in url, url):
            return
        b = self.browser("replay-b")
        b.get(url)
        ok = self.shows_error(b, "login.browser_mismatch")
        self.screenshot(b, "replay refused in browser B")
        self.check("the callback URL replayed in a second browser profile is refused: login.browser_mismatch", ok,
                   b.page_source[:300])
        self.check("…and signs nobody in", not self.session_of("dan@oidc.e2e.test"))
        a.find_element(By.ID, "continue").click()
        ok = self.on_dashboard(a, "dan@oidc.e2e.test")
        self.screenshot(a, "replay browser A completes")
        self.check("the browser that started the login still completes it", ok, a.current_url)

    def ldap_login(self, key, email, user, password, step):
        d = self.browser(step)
        self.start_login(d, email, step, via_form=True)
        self.ldap_form_login(d, user, password, step)
        ok = self.on_dashboard(d, email)
        self.screenshot(d, f"{step} dashboard")
        self.check(f"LDAP form login ({self.connections[key]['name']}) reaches the dashboard", ok, d.current_url)
        return d

    def ldap_wrong_password(self):
        d = self.browser("ldap-wrong")
        self.start_login(d, "frank@ldap.e2e.test", "ldap-wrong-password")
        self.ldap_form_login(d, "frank", "not-franks", "ldap-wrong-password")
        ok = self.shows_error(d, "ldap.invalid_credentials")
        self.screenshot(d, "ldap-wrong-password refused")
        self.check("a wrong LDAP password is refused: ldap.invalid_credentials", ok, d.page_source[:300])

    def admin_sessions_and_revoke(self, d_erin):
        sessions = self.session_of("erin@ldap.e2e.test")
        self.check("the admin session list shows the LDAP user's session", len(sessions) == 1, json.dumps(sessions))
        console = self.browser("admin")
        console.get(self.base + "/admin")
        try:
            console.find_element(By.NAME, "token").send_keys(self.env["ADMIN_TOKEN"])
            console.find_element(By.NAME, "token").submit()
            self.wait(console, lambda x: "erin@ldap.e2e.test" in x.page_source)
            self.screenshot(console, "admin console sessions")
            self.check("the admin console lists the session", "erin@ldap.e2e.test" in console.page_source)
        except Exception as e:
            self.screenshot(console, "admin console")
            self.check("the admin console has a token sign-in", False, str(e))
        if not sessions:
            return
        # Revoke as an admin would: the console's button on the session's row.
        try:
            row = console.find_element(By.XPATH, "//tr[td[contains(., 'erin@ldap.e2e.test')]]")
            row.find_element(By.XPATH, ".//button").click()
            self.wait(console, lambda x: "erin@ldap.e2e.test" not in x.page_source)
            self.screenshot(console, "admin console after revoke")
        except Exception as e:
            self.check("the admin console revokes the session with its button", False, str(e).splitlines()[0])
            self.admin("DELETE", "/admin/sso/sessions/" + sessions[0]["id"])
        d_erin.get(self.base + "/dashboard")
        self.wait(d_erin, lambda x: "/dashboard" not in x.current_url)
        self.screenshot(d_erin, "revoked session's next request")
        self.check("after revocation the browser's next request is signed out (302 to /)",
                   d_erin.current_url.rstrip("/") == self.base, d_erin.current_url)
        self.check("…and the session is gone from the admin list", not self.session_of("erin@ldap.e2e.test"))

    def deactivated_connection(self):
        cid = self.connections["oidc"]["id"]
        self.admin("PATCH", "/admin/sso/connections/" + cid, {"status": "inactive"})
        d = self.browser("inactive")
        self.start_login(d, "carol@oidc.e2e.test", "deactivated")
        ok = self.shows_error(d, "connection.inactive")
        self.screenshot(d, "deactivated connection refused")
        self.check("a login through a deactivated connection is refused: connection.inactive", ok,
                   d.page_source[:300])
        self.admin("PATCH", "/admin/sso/connections/" + cid, {"status": "active"})

    def replicas(self):
        if not self.nginx_log:
            return
        lines = read_lines(self.nginx_log)
        steps = [l for l in lines if re.match(r"\S+ /(sso|dashboard)", l)]
        ups = {m.group(1) for l in steps for m in [re.search(r"upstream=(\S+)", l)] if m}
        with open(os.path.join(self.logdir, "nginx-steps.log"), "w") as f:
            f.write("\n".join(steps) + "\n")
        self.check("the login steps were served by both replicas behind nginx", len(ups) == 2, str(ups))
        # A login that started on one replica and completed (302/303) on the other.
        crossed, start = 0, None
        for l in steps:
            parts = l.split()
            up = l.split("upstream=")[-1]
            if parts[1] == "/sso/login":
                start = up
            elif re.match(r"/sso/(callback|saml/callback|ldap)", parts[1]) and parts[2] in ("302", "303") and start:
                crossed += start != up
                start = None
        self.check("logins started on one replica completed on the other", crossed > 0, f"{crossed}")
        switches = sum(1 for x, y in zip(steps, steps[1:]) if x.split("upstream=")[-1] != y.split("upstream=")[-1])
        print(f"     [{self.label}] {len(steps)} SSO/dashboard requests, {switches} replica switches between "
              f"consecutive ones, {crossed} logins finished on the other replica (see {self.logdir}/nginx-steps.log)")

    def all(self):
        steps = [
            ("create connections", self.create_connections),
            ("home page form", self.home_form),
            ("SAML SP-initiated + logout", self.saml_sp_initiated),
            ("SAML IdP-initiated", self.saml_idp_initiated),
            ("SAML wrong password", self.saml_wrong_password),
            ("OIDC + PKCE", self.oidc_login),
            ("OIDC wrong password", self.oidc_wrong_password),
            ("callback replay", self.callback_replay),
            ("LDAP slapd", lambda: self.ldap_login("slapd", "alice@example.org", "alice", "alice-pw", "ldap-slapd")),
            ("LDAP wrong password", self.ldap_wrong_password),
            ("LDAP 389-ds + admin + revoke", lambda: self.admin_sessions_and_revoke(
                self.ldap_login("ds", "erin@ldap.e2e.test", "erin", "erin-pw", "ldap-389ds"))),
            ("deactivated connection", self.deactivated_connection),
            ("replicas", self.replicas),
        ]
        for name, step in steps:
            try:
                step()
            except Exception as e:  # one broken step must not hide the others' results
                self.check(f"step '{name}' ran", False, f"{type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}")
                for d in self.browsers[-1:]:
                    try:
                        self.screenshot(d, f"{name} exception")
                    except Exception:
                        pass
                if name == "create connections":
                    break
        self.close()
        print(f"[{self.label}] screenshots: {self.logdir}")
        print(f"{self.passed} passed, {self.failed} failed")
        return 1 if self.failed else 0


def opener():
    return urllib.request.build_opener(urllib.request.ProxyHandler({}))


def fetch(url):
    with opener().open(url, timeout=30) as r:
        return r.read().decode()


def read_lines(path):
    try:
        with open(path) as f:
            return [l.rstrip("\n") for l in f if l.strip()]
    except FileNotFoundError:
        return []


def read_env(path):
    env = {}
    with open(path) as f:
        for line in f:
            if "=" in line and not line.startswith("#"):
                k, v = line.rstrip("\n").split("=", 1)
                env[k] = shlex.split(v)[0] if v else ""
    return env


def spki(cert_path):
    pub = subprocess.run(["openssl", "x509", "-in", cert_path, "-pubkey", "-noout"], capture_output=True,
                         check=True).stdout
    der = subprocess.run(["openssl", "pkey", "-pubin", "-outform", "der"], input=pub, capture_output=True,
                         check=True).stdout
    digest = subprocess.run(["openssl", "dgst", "-sha256", "-binary"], input=der, capture_output=True,
                            check=True).stdout
    return base64.b64encode(digest).decode()


def exit_with_parent(run):
    """If scripts/e2e/run dies (SIGKILL: no trap), close the browsers and stop instead of driving on."""
    parent = os.getppid()

    def watch():
        while os.getppid() == parent:
            time.sleep(0.5)
        run.close()
        os._exit(3)

    threading.Thread(target=watch, daemon=True).start()
    signal.signal(signal.SIGTERM, lambda *_: (run.close(), os._exit(143)))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--base", required=True)
    p.add_argument("--env", required=True)
    p.add_argument("--label", default="run")
    p.add_argument("--nginx-log")
    run = Run(p.parse_args())
    exit_with_parent(run)
    sys.exit(run.all())


if __name__ == "__main__":
    main()
