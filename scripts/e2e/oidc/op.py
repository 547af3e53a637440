#!/usr/bin/env python3
"""An OpenID Provider for the e2e run: idpyoidc's OP behind a small Flask app, over TLS.

    op.py --dir DIR --port PORT --cert CRT --key KEY --redirect-uri URI [--redirect-uri URI ...]

One client is registered statically (`e2e-client` / `e2e-client-secret-test-only`,
client_secret_basic or _post) for the given redirect URIs. PKCE is required (essential) and only
S256 is accepted. Every authorization and token request's PKCE parameters are appended, one JSON
object a line, to DIR/pkce.log, so the run can prove what the OP saw. Users (test-only):
carol / carol-pw (carol@oidc.e2e.test), dan / dan-pw (the OP shows dan's redirect back as a link).
"""
import argparse
import html
import json
import logging
import os
import ssl

from flask import Flask, Response, make_response, redirect, request
from idpyoidc.message.oauth2 import ResponseMessage
from idpyoidc.message.oidc import AccessTokenRequest, AuthorizationRequest
from idpyoidc.server import Server
from idpyoidc.server.configure import OPConfiguration
from idpyoidc.server.exception import FailedAuthentication
from idpyoidc.server.oauth2.add_on.pkce import CC_METHOD
from idpyoidc.server.oidc.token import Token

HERE = os.path.dirname(os.path.realpath(__file__))
CLIENT_ID = "e2e-client"
CLIENT_SECRET = "e2e-client-secret-test-only"
USERS = {
    "carol": {"sub": "carol", "name": "Carol Oidc", "given_name": "Carol", "family_name": "Oidc",
              "email": "carol@oidc.e2e.test", "email_verified": True},
    "dan": {"sub": "dan", "name": "Dan Oidc", "given_name": "Dan", "family_name": "Oidc",
            "email": "dan@oidc.e2e.test", "email_verified": True},
}
PASSWORDS = {"carol": "carol-pw", "dan": "dan-pw"}
# For these users the OP shows its redirect back as a link instead of sending a 302, so a test can
# take the callback URL out of one browser and replay it in another before the first delivers it.
HOLD_USERS = {"dan"}


def op_config(issuer: str, work: str) -> dict:
    with open(os.path.join(work, "passwd.json"), "w") as f:
        json.dump(PASSWORDS, f)
    with open(os.path.join(work, "users.json"), "w") as f:
        json.dump(USERS, f)
    return {
        "issuer": issuer,
        "template_dir": os.path.join(HERE, "templates"),
        "httpc_params": {"verify": False},
        "keys": {
            "private_path": os.path.join(work, "jwks.json"),
            "key_defs": [{"type": "RSA", "use": ["sig"]}, {"type": "EC", "crv": "P-256", "use": ["sig"]}],
            "read_only": False,
            "uri_path": "jwks",
        },
        "add_on": {
            "pkce": {
                "function": "idpyoidc.server.oauth2.add_on.pkce.add_support",
                "kwargs": {"essential": True, "code_challenge_methods": {"S256": CC_METHOD["S256"]}},
            }
        },
        "authentication": {
            "user": {
                "acr": "urn:oasis:names:tc:SAML:2.0:ac:classes:InternetProtocolPassword",
                "class": "idpyoidc.server.user_authn.user.UserPassJinja2",
                "kwargs": {
                    "verify_endpoint": "/verify/user",
                    "template": "user_pass.jinja2",
                    "db": {"class": "idpyoidc.server.util.JSONDictDB",
                           "kwargs": {"filename": os.path.join(work, "passwd.json")}},
                    "page_header": "Sign in to the e2e OP",
                },
            }
        },
        "cookie_handler": {
            "class": "idpyoidc.server.cookie_handler.CookieHandler",
            "kwargs": {
                "keys": {
                    "private_path": os.path.join(work, "cookie_jwks.json"),
                    "key_defs": [{"type": "OCT", "use": ["enc"], "kid": "enc"},
                                 {"type": "OCT", "use": ["sig"], "kid": "sig"}],
                    "read_only": False,
                },
                "name": {"session": "e2e_op", "register": "e2e_op_rp", "session_management": "e2e_sman"},
            },
        },
        "endpoint": {
            "provider_info": {"path": ".well-known/openid-configuration",
                              "class": "idpyoidc.server.oidc.provider_config.ProviderConfiguration",
                              "kwargs": {"client_authn_method": None}},
            "authorization": {"path": "authorization",
                              "class": "idpyoidc.server.oidc.authorization.Authorization",
                              "kwargs": {"client_authn_method": None,
                                         "response_types_supported": ["code"],
                                         "response_modes_supported": ["query"]}},
            "token": {"path": "token", "class": "idpyoidc.server.oidc.token.Token",
                      "kwargs": {"client_authn_method": ["client_secret_basic", "client_secret_post"]}},
            "userinfo": {"path": "userinfo", "class": "idpyoidc.server.oidc.userinfo.UserInfo", "kwargs": {}},
        },
        "token_handler_args": {
            "jwks_def": {"private_path": os.path.join(work, "token_jwks.json"), "read_only": False,
                         "key_defs": [{"type": "OCT", "bytes": 24, "use": ["enc"], "kid": "code"},
                                      {"type": "OCT", "bytes": 24, "use": ["enc"], "kid": "refresh"}]},
            "code": {"kwargs": {"lifetime": 600}},
            "token": {"class": "idpyoidc.server.token.jwt_token.JWTToken", "kwargs": {"lifetime": 3600}},
            "id_token": {"class": "idpyoidc.server.token.id_token.IDToken",
                         "kwargs": {"base_claims": {"email": {"essential": True},
                                                    "email_verified": {"essential": True},
                                                    "name": None}}},
        },
        "userinfo": {"class": "idpyoidc.server.user_info.UserInfo",
                     "kwargs": {"db_file": os.path.join(work, "users.json")}},
        "claims_interface": {"class": "idpyoidc.server.session.claims.ClaimsInterface", "kwargs": {}},
        "scopes_to_claims": {"openid": ["sub"], "email": ["email", "email_verified"],
                             "profile": ["name", "given_name", "family_name"]},
    }


def build(args) -> Flask:
    issuer = f"https://127.0.0.1:{args.port}"
    conf = OPConfiguration(conf=op_config(issuer, args.dir), base_path=args.dir, domain="127.0.0.1",
                           port=args.port)
    server = Server(conf, cwd=args.dir)
    server.context.cdb[CLIENT_ID] = {
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
        "redirect_uris": [(u, {}) for u in args.redirect_uri],
        "client_salt": "e2e-salt",
        "token_endpoint_auth_method": "client_secret_basic",
        "response_types_supported": ["code"],
        "allowed_scopes": ["openid", "email", "profile"],
        "pkce_essential": True,
    }
    app = Flask("e2e_op")
    pkce_log = os.path.join(args.dir, "pkce.log")

    def note(kind: str, fields: dict) -> None:
        with open(pkce_log, "a") as f:
            f.write(json.dumps({"endpoint": kind, **fields}) + "\n")

    def service(endpoint) -> Response:
        http_info = {"headers": {k: v for k, v in request.headers.items(lower=True) if k != "cookie"},
                     "method": request.method, "url": request.url,
                     "cookie": [{"name": k, "value": v} for k, v in request.cookies.items()]}
        raw = request.args.to_dict() if request.method == "GET" else request.form.to_dict()
        if endpoint.name == "authorization":
            note("authorization", {k: raw.get(k) for k in ("client_id", "code_challenge", "code_challenge_method")})
        if endpoint.name == "token":
            note("token", {"grant_type": raw.get("grant_type"), "has_code_verifier": "code_verifier" in raw})
        try:
            req = endpoint.parse_request(raw, http_info=http_info)
        except Exception as err:  # the OP's own refusal, shown as OAuth errors are
            return make_response(ResponseMessage(error="invalid_request", error_description=str(err)).to_json(), 400)
        if isinstance(req, ResponseMessage) and "error" in req:
            if endpoint.name == "token":
                note("token-refused", {"error": req.get("error"), "error_description": req.get("error_description")})
            resp = make_response(req.to_json(), 400)
            resp.headers["Content-Type"] = "application/json"
            return resp
        if isinstance(endpoint, Token):
            req = AccessTokenRequest(**req)
        args_ = endpoint.process_request(req, http_info=http_info)
        if "error" in args_ and endpoint.name == "token":
            note("token-refused", {"error": str(args_.get("error"))})
        if "redirect_location" in args_:
            return redirect(args_["redirect_location"])
        if "http_response" in args_:
            return make_response(args_["http_response"], 200)
        return finish(endpoint, req, **args_)

    def finish(endpoint, req, **args_) -> Response:
        info = endpoint.do_response(request=req, **args_)
        placement = info.get("response_placement", endpoint.response_placement)
        if placement == "body":
            resp = make_response(info["response"], info.get("response_code", 400 if "error" in args_ else 200))
        else:
            resp = redirect(info["response"])
        for key, value in info["http_headers"]:
            resp.headers[key] = value
        cookies = info.get("cookie") or []
        for spec in cookies if isinstance(cookies, list) else [cookies]:
            kw = {k: v for k, v in spec.items() if k != "name"}
            kw.update(path="/", samesite="Lax")
            resp.set_cookie(spec["name"], **kw)
        return resp

    @app.route("/.well-known/openid-configuration")
    def discovery():
        return service(server.get_endpoint("provider_config"))

    @app.route("/jwks")
    def jwks():
        return server.context.keyjar.export_jwks()

    @app.route("/authorization")
    def authorization():
        return service(server.get_endpoint("authorization"))

    @app.route("/token", methods=["POST"])
    def token():
        return service(server.get_endpoint("token"))

    @app.route("/userinfo", methods=["GET", "POST"])
    def userinfo():
        return service(server.get_endpoint("userinfo"))

    @app.route("/verify/user", methods=["POST"])
    def verify_user():
        method = server.context.authn_broker.get_method_by_id("user")
        form = request.form.to_dict()
        try:
            user = method.verify(**form)
        except FailedAuthentication:
            return make_response("<!doctype html><title>Sign-in failed</title><h1 id='op-error'>"
                                 "Wrong username or password</h1>", 403)
        auth_args = method.unpack_token(form["token"])
        authz = AuthorizationRequest().from_urlencoded(auth_args["query"])
        endpoint = server.get_endpoint("authorization")
        sid = endpoint.create_session(authz, user, auth_args["authn_class_ref"], auth_args["iat"], method)
        args_ = endpoint.authz_part2(request=authz, session_id=sid)
        if isinstance(args_, ResponseMessage) and "error" in args_:
            return make_response(args_.to_json(), 400)
        resp = finish(endpoint, authz, **args_)
        if user in HOLD_USERS and resp.status_code in (302, 303) and resp.headers.get("Location"):
            link = html.escape(resp.headers["Location"], quote=True)
            held = make_response("<!doctype html><title>Continue</title><h1>Signed in at the OP</h1>"
                                 f"<p><a id='continue' href='{link}'>Continue to the application</a></p>", 200)
            for cookie in resp.headers.getlist("Set-Cookie"):
                held.headers.add("Set-Cookie", cookie)
            return held
        return resp

    @app.route("/healthz")
    def healthz():
        return "ok"

    return app


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--dir", required=True)
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--cert", required=True)
    p.add_argument("--key", required=True)
    p.add_argument("--redirect-uri", action="append", required=True)
    args = p.parse_args()
    logging.basicConfig(level=logging.INFO, filename=os.path.join(args.dir, "op.log"))
    app = build(args)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(args.cert, args.key)
    app.run(host="127.0.0.1", port=args.port, ssl_context=ctx, threaded=True)


if __name__ == "__main__":
    main()
