#!/usr/bin/env python3
"""Generates Fixtures/saml/: TEST-ONLY keys, IdP metadata and signed SAML responses shaped like
those of Entra ID, Okta, Google Workspace, OneLogin, PingFederate, ADFS and Auth0, plus an
encrypted-assertion case, a key-rollover case, an aggregate, a SHA-1 case and a 1024-bit key case.

Signatures are made by the xmlsec1 command-line tool (an implementation independent of the
library under test); keys and certificates by the Python `cryptography` package; encryption of
assertions (RSA-OAEP + AES-GCM / AES-CBC) by `cryptography` as well.
"""
import base64, datetime, json, os, shutil, subprocess, sys, tempfile

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa, padding
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.x509.oid import NameOID

ROOT = sys.argv[1] if len(sys.argv) > 1 else "Fixtures/saml"
KEYS = os.path.join(ROOT, "keys")
REUSE_KEYS = os.environ.get("SAML_FIXTURES_NEW_KEYS") != "1"

NOW = datetime.datetime(2026, 3, 29, 12, 0, 0, tzinfo=datetime.timezone.utc)
NOT_BEFORE = datetime.datetime(2020, 1, 1, tzinfo=datetime.timezone.utc)
NOT_AFTER = datetime.datetime(2049, 12, 31, 23, 59, 59, tzinfo=datetime.timezone.utc)

NS_P = "urn:oasis:names:tc:SAML:2.0:protocol"
NS_A = "urn:oasis:names:tc:SAML:2.0:assertion"
NS_MD = "urn:oasis:names:tc:SAML:2.0:metadata"
NS_DS = "http://www.w3.org/2000/09/xmldsig#"
POST = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"
REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"
SOAP = "urn:oasis:names:tc:SAML:2.0:bindings:SOAP"
F_EMAIL = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress"
F_UNSPEC = "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified"
F_PERSISTENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent"
F_TRANSIENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:transient"
CLAIMS = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/"
MSCLAIMS = "http://schemas.microsoft.com/ws/2008/06/identity/claims/"
AZCLAIMS = "http://schemas.microsoft.com/identity/claims/"
BASIC = "urn:oasis:names:tc:SAML:2.0:attrname-format:basic"
UNSPEC_NF = "urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified"
URI_NF = "urn:oasis:names:tc:SAML:2.0:attrname-format:uri"

SP_ENTITY = "https://sp.example.com/saml/metadata"
ACS = "https://sp.example.com/saml/acs"


def iso(dt):
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


def iso_ms(dt):
    return dt.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (dt.microsecond // 1000)


def esc(text):
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


# ---------------------------------------------------------------- keys and certificates

def make_key(name, subject, bits=2048):
    key_path = os.path.join(KEYS, name + "-key.pem")
    cert_path = os.path.join(KEYS, name + "-cert.pem")
    if REUSE_KEYS and os.path.exists(key_path) and os.path.exists(cert_path):
        return key_path, cert_path
    key = rsa.generate_private_key(public_exponent=65537, key_size=bits)
    name_attrs = [x509.NameAttribute(oid, value) for oid, value in subject]
    subj = x509.Name(name_attrs)
    cert = (x509.CertificateBuilder().subject_name(subj).issuer_name(subj)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(NOT_BEFORE).not_valid_after(NOT_AFTER)
            .sign(key, hashes.SHA256()))
    with open(key_path, "wb") as f:
        f.write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                  serialization.NoEncryption()))
    with open(cert_path, "wb") as f:
        f.write(cert.public_bytes(serialization.Encoding.PEM))
    return key_path, cert_path


def cert_b64(cert_path):
    with open(cert_path, "rb") as f:
        cert = x509.load_pem_x509_certificate(f.read())
    return base64.b64encode(cert.public_bytes(serialization.Encoding.DER)).decode()


def cert_b64_wrapped(cert_path, width=64):
    text = cert_b64(cert_path)
    return "\n".join(text[i:i + width] for i in range(0, len(text), width))


def openssl_fingerprint(cert_path):
    out = subprocess.run(["openssl", "x509", "-in", cert_path, "-noout", "-fingerprint", "-sha256"],
                         check=True, capture_output=True, text=True).stdout.strip()
    return out.split("=", 1)[1]


def cert_info(cert_path):
    with open(cert_path, "rb") as f:
        cert = x509.load_pem_x509_certificate(f.read())
    return {
        "sha256Fingerprint": openssl_fingerprint(cert_path),
        "subject": cert.subject.rfc4514_string(),
        "notValidBefore": iso(cert.not_valid_before_utc),
        "notValidAfter": iso(cert.not_valid_after_utc),
        "publicKeyBits": cert.public_key().key_size,
        "publicKeyAlgorithm": "RSA" if isinstance(cert.public_key(), rsa.RSAPublicKey) else "EC",
    }


# ---------------------------------------------------------------- signing with xmlsec1

def signature_template(ref_id, prefix="ds", sig_alg="rsa-sha256", digest="sha256"):
    sig_uri = {"rsa-sha256": "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
               "rsa-sha1": "http://www.w3.org/2000/09/xmldsig#rsa-sha1"}[sig_alg]
    dig_uri = {"sha256": "http://www.w3.org/2001/04/xmlenc#sha256",
               "sha1": "http://www.w3.org/2000/09/xmldsig#sha1"}[digest]
    p = prefix + ":" if prefix else ""
    decl = ' xmlns:%s="%s"' % (prefix, NS_DS) if prefix else ' xmlns="%s"' % NS_DS
    return ('<{p}Signature{decl}><{p}SignedInfo>'
            '<{p}CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>'
            '<{p}SignatureMethod Algorithm="{sig}"/>'
            '<{p}Reference URI="#{ref}"><{p}Transforms>'
            '<{p}Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/>'
            '<{p}Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>'
            '</{p}Transforms><{p}DigestMethod Algorithm="{dig}"/><{p}DigestValue></{p}DigestValue>'
            '</{p}Reference></{p}SignedInfo><{p}SignatureValue></{p}SignatureValue>'
            '<{p}KeyInfo><{p}X509Data/></{p}KeyInfo></{p}Signature>').format(
                p=p, decl=decl, sig=sig_uri, dig=dig_uri, ref=ref_id)


def xmlsec_sign(xml, key_path, cert_path, id_attrs):
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "in.xml")
        dst = os.path.join(tmp, "out.xml")
        with open(src, "w") as f:
            f.write(xml)
        cmd = ["xmlsec1", "--sign", "--privkey-pem", key_path + "," + cert_path]
        for node in id_attrs:
            cmd += ["--id-attr:ID", node]
        cmd += ["--output", dst, src]
        subprocess.run(cmd, check=True, capture_output=True)
        with open(dst) as f:
            out = f.read()
    # xmlsec1 writes an XML declaration; keep it (real IdPs send one) but normalise it.
    return out


def strip_decl(xml):
    if xml.startswith("<?xml"):
        xml = xml[xml.index("?>") + 2:].lstrip("\n")
    return xml


ASSERTION_NODE = NS_A + ":Assertion"
RESPONSE_NODE = NS_P + ":Response"
METADATA_NODE = NS_MD + ":EntityDescriptor"
PH_ASSERTION_SIG = "<!--ASSERTION-SIGNATURE-->"
PH_RESPONSE_SIG = "<!--RESPONSE-SIGNATURE-->"
PH_METADATA_SIG = "<!--METADATA-SIGNATURE-->"


def sign_document(xml, key, cert, assertion_id, response_id, signs, sig_alg="rsa-sha256", digest="sha256",
                  ds_prefix="ds"):
    """`signs`: "assertion", "response" or "both". Placeholders mark where signatures go."""
    nodes = [ASSERTION_NODE, RESPONSE_NODE]
    if signs in ("assertion", "both"):
        xml = xml.replace(PH_ASSERTION_SIG, signature_template(assertion_id, ds_prefix, sig_alg, digest))
    else:
        xml = xml.replace(PH_ASSERTION_SIG, "")
    if signs == "both":
        xml = strip_decl(xmlsec_sign(xml, key, cert, nodes))
    if signs in ("response", "both"):
        xml = xml.replace(PH_RESPONSE_SIG, signature_template(response_id, ds_prefix, sig_alg, digest))
    else:
        xml = xml.replace(PH_RESPONSE_SIG, "")
    return xmlsec_sign(xml, key, cert, nodes)


# ---------------------------------------------------------------- documents

def attribute_xml(prefix, name, values, name_format=None, friendly=None, typed=True, xsi_on_value=True):
    p = prefix + ":" if prefix else ""
    attrs = ' Name="%s"' % esc(name)
    if name_format:
        attrs += ' NameFormat="%s"' % name_format
    if friendly:
        attrs += ' FriendlyName="%s"' % esc(friendly)
    out = "<%sAttribute%s>" % (p, attrs)
    for value in values:
        if typed:
            out += ('<%sAttributeValue xmlns:xs="http://www.w3.org/2001/XMLSchema" '
                    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="xs:string">%s</%sAttributeValue>'
                    % (p, esc(value), p))
        else:
            out += "<%sAttributeValue>%s</%sAttributeValue>" % (p, esc(value), p)
    return out + "</%sAttribute>" % p


def build_assertion(idp, standalone=False):
    """The Assertion element text; `standalone` declares its own namespaces."""
    a = idp["assertion_prefix"]
    p = a + ":" if a else ""
    if a:
        decl = ' xmlns:%s="%s"' % (a, NS_A) if (standalone or idp.get("assertion_declares_ns")) else ""
    else:
        decl = ' xmlns="%s"' % NS_A
    issue = NOW - datetime.timedelta(seconds=2)
    nb = NOW - datetime.timedelta(minutes=5)
    noa = NOW + datetime.timedelta(hours=1)
    sc_noa = NOW + datetime.timedelta(minutes=5)
    t = idp.get("time", iso)
    attrs = "".join(attribute_xml(a, name, values, idp.get("attr_name_format"), None, idp.get("typed_values", True))
                    for name, values in idp["attributes"])
    spnq = ' SPNameQualifier="%s"' % SP_ENTITY if idp.get("sp_name_qualifier") else ""
    return (
        '<{p}Assertion{decl} ID="{aid}" IssueInstant="{issue}" Version="2.0">'
        '<{p}Issuer>{issuer}</{p}Issuer>{sig}'
        '<{p}Subject><{p}NameID Format="{nf}"{spnq}>{nameid}</{p}NameID>'
        '<{p}SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">'
        '<{p}SubjectConfirmationData InResponseTo="{irt}" NotOnOrAfter="{sc_noa}" Recipient="{acs}"/>'
        '</{p}SubjectConfirmation></{p}Subject>'
        '<{p}Conditions NotBefore="{nb}" NotOnOrAfter="{noa}"><{p}AudienceRestriction>'
        '<{p}Audience>{sp}</{p}Audience></{p}AudienceRestriction></{p}Conditions>'
        '<{p}AuthnStatement AuthnInstant="{authn}" SessionIndex="{sidx}" SessionNotOnOrAfter="{snoa}">'
        '<{p}AuthnContext><{p}AuthnContextClassRef>{acr}</{p}AuthnContextClassRef></{p}AuthnContext>'
        '</{p}AuthnStatement>'
        '<{p}AttributeStatement>{attrs}</{p}AttributeStatement>'
        '</{p}Assertion>').format(
            p=p, decl=decl, aid=idp["assertion_id"], issue=t(issue), issuer=esc(idp["entity_id"]),
            sig=PH_ASSERTION_SIG, nf=idp["nameid_format"], spnq=spnq, nameid=esc(idp["nameid"]),
            irt=idp["in_response_to"], sc_noa=t(sc_noa), acs=ACS, nb=t(nb), noa=t(noa), sp=SP_ENTITY,
            authn=t(NOW - datetime.timedelta(minutes=1)), sidx=idp["session_index"],
            snoa=t(NOW + datetime.timedelta(hours=8)),
            acr=idp.get("acr", "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"),
            attrs=attrs)


def build_response(idp, assertion_xml):
    rp = idp["response_prefix"]
    a = idp["assertion_prefix"]
    ns_a = ' xmlns:%s="%s"' % (a, NS_A) if a and not idp.get("assertion_declares_ns") else ""
    issuer_prefix = a if (a and not idp.get("assertion_declares_ns")) else None
    if issuer_prefix:
        issuer = '<%s:Issuer>%s</%s:Issuer>' % (a, esc(idp["entity_id"]), a)
    else:
        issuer = '<Issuer xmlns="%s">%s</Issuer>' % (NS_A, esc(idp["entity_id"]))
    t = idp.get("time", iso)
    return (
        '<{rp}:Response xmlns:{rp}="{nsp}"{ns_a} Destination="{acs}" ID="{rid}" InResponseTo="{irt}" '
        'IssueInstant="{issue}" Version="2.0">{issuer}{sig}'
        '<{rp}:Status><{rp}:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></{rp}:Status>'
        '{assertion}</{rp}:Response>').format(
            rp=rp, nsp=NS_P, ns_a=ns_a, acs=ACS, rid=idp["response_id"], irt=idp["in_response_to"],
            issue=t(NOW - datetime.timedelta(seconds=2)), issuer=issuer, sig=PH_RESPONSE_SIG,
            assertion=assertion_xml)


def key_descriptor(cert_path, use, prefix="md", wrapped=False):
    p = prefix + ":" if prefix else ""
    use_attr = ' use="%s"' % use if use else ""
    body = cert_b64_wrapped(cert_path) if wrapped else cert_b64(cert_path)
    return ('<{p}KeyDescriptor{use}><ds:KeyInfo xmlns:ds="{ds}"><ds:X509Data><ds:X509Certificate>{c}'
            '</ds:X509Certificate></ds:X509Data></ds:KeyInfo></{p}KeyDescriptor>').format(
                p=p, use=use_attr, ds=NS_DS, c=body)


def build_metadata(idp, certs):
    p = idp.get("md_prefix", "md")
    pp = p + ":" if p else ""
    decl = ' xmlns:%s="%s"' % (p, NS_MD) if p else ' xmlns="%s"' % NS_MD
    root_attrs = idp.get("md_root_attrs", "")
    kds = "".join(key_descriptor(c, use, p, idp.get("wrap_certs", False)) for c, use in certs)
    slo = "".join('<{p}SingleLogoutService Binding="{b}" Location="{l}"/>'.format(p=pp, b=b, l=esc(l))
                  for b, l in idp.get("slo", []))
    nif = "".join("<{p}NameIDFormat>{f}</{p}NameIDFormat>".format(p=pp, f=f) for f in idp["md_nameid_formats"])
    sso = "".join('<{p}SingleSignOnService Binding="{b}" Location="{l}"/>'.format(p=pp, b=b, l=esc(l))
                  for b, l in idp["sso"])
    want = ' WantAuthnRequestsSigned="%s"' % idp["want_signed"] if "want_signed" in idp else ""
    extra_idp = idp.get("md_idp_extra", "")
    before = idp.get("md_before_idp", "")
    after = idp.get("md_after_idp", "")
    sig = PH_METADATA_SIG if idp.get("sign_metadata") else ""
    return ('<{pp}EntityDescriptor{decl} entityID="{eid}"{root_attrs}>{sig}{before}'
            '<{pp}IDPSSODescriptor{want} protocolSupportEnumeration="{proto}">'
            '{kds}{slo}{nif}{sso}{extra}</{pp}IDPSSODescriptor>{after}</{pp}EntityDescriptor>').format(
                pp=pp, decl=decl, eid=esc(idp["entity_id"]), root_attrs=root_attrs, sig=sig, before=before,
                want=want, proto=idp.get("protocols", NS_P), kds=kds, slo=slo, nif=nif, sso=sso, extra=extra_idp,
                after=after)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def expected_attributes(idp):
    return {name: values for name, values in idp["attributes"]}


def settings_for(idp, signing_cert, metadata_certs, extra=None):
    s = {
        "idp": idp["name"],
        "idpEntityID": idp["entity_id"],
        "spEntityID": SP_ENTITY,
        "acsURL": ACS,
        "now": iso(NOW),
        "inResponseTo": idp["in_response_to"],
        "responseID": idp["response_id"],
        "assertionID": idp["assertion_id"],
        "signed": idp["signs"],
        "signatureAlgorithm": idp.get("sig_alg", "rsa-sha256"),
        "nameID": idp["nameid"],
        "nameIDFormat": idp["nameid_format"],
        "email": idp["email"],
        "sessionIndex": idp["session_index"],
        "sessionNotOnOrAfter": iso(NOW + datetime.timedelta(hours=8)),
        "assertionNotOnOrAfter": iso(NOW + datetime.timedelta(hours=1)),
        "attributes": expected_attributes(idp),
        "signingCertificate": cert_info(signing_cert),
        "metadata": {
            "entityID": idp["entity_id"],
            "ssoServices": [{"binding": b, "location": l} for b, l in idp["sso"]],
            "sloServices": [{"binding": b, "location": l} for b, l in idp.get("slo", [])],
            "nameIDFormats": idp["md_nameid_formats"],
            "signingCertificates": [cert_info(c) for c, use in metadata_certs if use in (None, "signing")],
            "encryptionCertificates": [cert_info(c) for c, use in metadata_certs if use in (None, "encryption")],
            "wantAuthnRequestsSigned": idp.get("want_signed") == "true",
            "validUntil": idp.get("valid_until"),
            "cacheDurationSeconds": idp.get("cache_seconds"),
            "signed": bool(idp.get("sign_metadata")),
        },
    }
    if extra:
        s.update(extra)
    return s


def generate_idp(idp, key, cert, metadata_certs=None, out_dir=None, extra_settings=None, metadata_sign_key=None):
    out_dir = out_dir or os.path.join(ROOT, idp["name"])
    metadata_certs = metadata_certs or [(cert, "signing")]
    md = build_metadata(idp, metadata_certs)
    if idp.get("sign_metadata"):
        mkey, mcert = metadata_sign_key or (key, cert)
        md = md.replace(PH_METADATA_SIG, signature_template(idp["metadata_id"], "ds"))
        md = xmlsec_sign('<?xml version="1.0" encoding="utf-8"?>' + md, mkey, mcert, [METADATA_NODE])
    else:
        md = '<?xml version="1.0" encoding="UTF-8"?>\n' + md + "\n"
    write(os.path.join(out_dir, "metadata.xml"), md)
    assertion = build_assertion(idp)
    response = build_response(idp, assertion)
    signed = sign_document('<?xml version="1.0" encoding="UTF-8"?>' + response, key, cert, idp["assertion_id"],
                           idp["response_id"], idp["signs"], idp.get("sig_alg", "rsa-sha256"),
                           idp.get("digest", "sha256"), idp.get("ds_prefix", "ds"))
    write(os.path.join(out_dir, "response.xml"), signed)
    write(os.path.join(out_dir, "settings.json"),
          json.dumps(settings_for(idp, cert, metadata_certs, extra_settings), indent=2, sort_keys=True) + "\n")
    return signed


# ---------------------------------------------------------------- encryption (XML Encryption)

def encrypt_assertion(signed_assertion, sp_cert_path, cipher="aes256-gcm", prefix="saml"):
    with open(sp_cert_path, "rb") as f:
        sp_cert = x509.load_pem_x509_certificate(f.read())
    data = signed_assertion.encode()
    if cipher == "aes256-gcm":
        key = os.urandom(32)
        iv = os.urandom(12)
        ct = iv + AESGCM(key).encrypt(iv, data, None)
        alg = "http://www.w3.org/2009/xmlenc11#aes256-gcm"
    else:
        key = os.urandom(32)
        iv = os.urandom(16)
        pad = 16 - len(data) % 16
        padded = data + bytes([pad]) * pad
        enc = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
        ct = iv + enc.update(padded) + enc.finalize()
        alg = "http://www.w3.org/2001/04/xmlenc#aes256-cbc"
    wrapped = sp_cert.public_key().encrypt(
        key, padding.OAEP(mgf=padding.MGF1(algorithm=hashes.SHA1()), algorithm=hashes.SHA1(), label=None))
    return (
        '<{p}:EncryptedAssertion>'
        '<xenc:EncryptedData xmlns:xenc="http://www.w3.org/2001/04/xmlenc#" Id="_ed1" '
        'Type="http://www.w3.org/2001/04/xmlenc#Element">'
        '<xenc:EncryptionMethod Algorithm="{alg}"/>'
        '<ds:KeyInfo xmlns:ds="{ds}"><xenc:EncryptedKey Id="_ek1">'
        '<xenc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p">'
        '<ds:DigestMethod Algorithm="http://www.w3.org/2000/09/xmldsig#sha1"/></xenc:EncryptionMethod>'
        '<xenc:CipherData><xenc:CipherValue>{ek}</xenc:CipherValue></xenc:CipherData>'
        '</xenc:EncryptedKey></ds:KeyInfo>'
        '<xenc:CipherData><xenc:CipherValue>{cv}</xenc:CipherValue></xenc:CipherData>'
        '</xenc:EncryptedData></{p}:EncryptedAssertion>').format(p=prefix,
            alg=alg, ds=NS_DS, ek=base64.b64encode(wrapped).decode(), cv=base64.b64encode(ct).decode())


# ---------------------------------------------------------------- the identity providers

TENANT = "9188040d-6c67-4c5b-b112-36a304b66dad"
ENTRA_RE = (
    '<RoleDescriptor xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xmlns:fed="http://docs.oasis-open.org/wsfed/federation/200706" xsi:type="fed:SecurityTokenServiceType" '
    'protocolSupportEnumeration="http://docs.oasis-open.org/wsfed/federation/200706">'
    '<fed:PassiveRequestorEndpoint><wsa:EndpointReference xmlns:wsa="http://www.w3.org/2005/08/addressing">'
    '<wsa:Address>https://login.microsoftonline.com/%s/wsfed</wsa:Address></wsa:EndpointReference>'
    '</fed:PassiveRequestorEndpoint></RoleDescriptor>' % TENANT)

IDPS = [
    {
        "name": "entra-id", "entity_id": "https://sts.windows.net/%s/" % TENANT,
        "subject": [(NameOID.COMMON_NAME, "Microsoft Azure Federated SSO Certificate")],
        "signs": "assertion", "response_prefix": "samlp", "assertion_prefix": "",
        "time": iso_ms, "md_prefix": "", "sign_metadata": True,
        "metadata_id": "_6c1c1c5a-2d3e-4f50-9a1b-0c2d3e4f5a6b",
        "md_root_attrs": ' ID="_6c1c1c5a-2d3e-4f50-9a1b-0c2d3e4f5a6b"',
        "md_before_idp": ENTRA_RE,
        "response_id": "_d71a3a8e-9fcc-45b5-9b51-2c8d6b4a1c01", "assertion_id": "_a7f3c2e1-8b4d-4e6f-9a0b-1c2d3e4f5a60",
        "in_response_to": "_6f1c4e0a9d2b47e38c5a1f0e2d3c4b5a69788796",
        "nameid_format": F_EMAIL, "nameid": "alice@contoso.com", "email": "alice@contoso.com",
        "session_index": "_a7f3c2e1-8b4d-4e6f-9a0b-1c2d3e4f5a60",
        "acr": "urn:oasis:names:tc:SAML:2.0:ac:classes:Password",
        "typed_values": False,
        "attributes": [
            (AZCLAIMS + "tenantid", [TENANT]),
            (AZCLAIMS + "objectidentifier", ["0c3d1b4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e"]),
            (AZCLAIMS + "displayname", ["Alice Example"]),
            (AZCLAIMS + "identityprovider", ["https://sts.windows.net/%s/" % TENANT]),
            (AZCLAIMS + "authnmethodsreferences", ["http://schemas.microsoft.com/ws/2008/06/identity/authenticationmethod/password"]),
            (CLAIMS + "givenname", ["Alice"]),
            (CLAIMS + "surname", ["Example"]),
            (CLAIMS + "emailaddress", ["alice@contoso.com"]),
            (CLAIMS + "name", ["alice@contoso.com"]),
            (MSCLAIMS + "groups", ["5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9", "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"]),
        ],
        "md_nameid_formats": [],
        "sso": [(REDIRECT, "https://login.microsoftonline.com/%s/saml2" % TENANT),
                (POST, "https://login.microsoftonline.com/%s/saml2" % TENANT)],
        "slo": [(REDIRECT, "https://login.microsoftonline.com/%s/saml2" % TENANT)],
    },
    {
        "name": "okta", "entity_id": "http://www.okta.com/exk1a2b3c4d5e6f7g8h9",
        "subject": [(NameOID.COUNTRY_NAME, "US"), (NameOID.STATE_OR_PROVINCE_NAME, "California"),
                    (NameOID.LOCALITY_NAME, "San Francisco"), (NameOID.ORGANIZATION_NAME, "Okta"),
                    (NameOID.ORGANIZATIONAL_UNIT_NAME, "SSOProvider"), (NameOID.COMMON_NAME, "dev-12345678"),
                    (NameOID.EMAIL_ADDRESS, "info@okta.com")],
        "signs": "both", "response_prefix": "saml2p", "assertion_prefix": "saml2", "assertion_declares_ns": True,
        "time": iso_ms, "md_prefix": "md", "want_signed": "false",
        "response_id": "id4291851234567890123456789", "assertion_id": "id42918512345678901987654321",
        "in_response_to": "_2b7e151628aed2a6abf7158809cf4f3c762e7160",
        "nameid_format": F_UNSPEC, "nameid": "bob@acme.example", "email": "bob@acme.example",
        "session_index": "_7e151628aed2a6abf7158809cf4f3c76",
        "attr_name_format": UNSPEC_NF,
        "attributes": [
            ("email", ["bob@acme.example"]),
            ("firstName", ["Bob"]),
            ("lastName", ["Builder"]),
            ("groups", ["Everyone", "Engineering"]),
        ],
        "md_nameid_formats": [F_UNSPEC, F_EMAIL],
        "sso": [(POST, "https://dev-12345678.okta.com/app/dev-12345678_swiftsso_1/exk1a2b3c4d5e6f7g8h9/sso/saml"),
                (REDIRECT, "https://dev-12345678.okta.com/app/dev-12345678_swiftsso_1/exk1a2b3c4d5e6f7g8h9/sso/saml")],
    },
    {
        "name": "google-workspace", "entity_id": "https://accounts.google.com/o/saml2?idpid=C01abcd23",
        "subject": [(NameOID.COUNTRY_NAME, "US"), (NameOID.STATE_OR_PROVINCE_NAME, "California"),
                    (NameOID.LOCALITY_NAME, "Mountain View"), (NameOID.ORGANIZATION_NAME, "Google Inc."),
                    (NameOID.ORGANIZATIONAL_UNIT_NAME, "Google For Work"), (NameOID.COMMON_NAME, "Google")],
        "signs": "assertion", "response_prefix": "saml2p", "assertion_prefix": "saml2", "assertion_declares_ns": False,
        "md_prefix": "md", "want_signed": "false", "wrap_certs": True,
        "md_root_attrs": ' validUntil="2031-03-27T17:13:44.000Z"', "valid_until": "2031-03-27T17:13:44Z",
        "response_id": "_8f2a1d3c5b7e9f0a1b2c3d4e5f607182", "assertion_id": "_0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f",
        "in_response_to": "_3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f",
        "nameid_format": F_EMAIL, "nameid": "carol@example.org", "email": "carol@example.org",
        "session_index": "_0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f",
        "acr": "urn:oasis:names:tc:SAML:2.0:ac:classes:unspecified",
        "attributes": [
            ("email", ["carol@example.org"]),
            ("first_name", ["Carol"]),
            ("last_name", ["Danvers"]),
            ("groups", ["admins@example.org"]),
        ],
        "md_nameid_formats": [F_EMAIL],
        "sso": [(REDIRECT, "https://accounts.google.com/o/saml2/idp?idpid=C01abcd23"),
                (POST, "https://accounts.google.com/o/saml2/idp?idpid=C01abcd23")],
    },
    {
        "name": "onelogin", "entity_id": "https://app.onelogin.com/saml/metadata/3f9a1c2b-7d4e-4a5b-9c6d-8e7f6a5b4c3d",
        "subject": [(NameOID.COUNTRY_NAME, "US"), (NameOID.ORGANIZATION_NAME, "Acme Corp"),
                    (NameOID.ORGANIZATIONAL_UNIT_NAME, "OneLogin IdP"), (NameOID.COMMON_NAME, "OneLogin Account 1234567")],
        "signs": "assertion", "response_prefix": "samlp", "assertion_prefix": "saml", "assertion_declares_ns": False,
        "md_prefix": "", "want_signed": "false",
        "response_id": "R8c2f7a9d4e1b6c3a5f8e0d2b4c6a8e1f3d5b7c9a", "assertion_id": "A5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3",
        "in_response_to": "_4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70",
        "nameid_format": F_EMAIL, "nameid": "dave@initech.example", "email": "dave@initech.example",
        "session_index": "_9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d",
        "attr_name_format": BASIC,
        "attributes": [
            ("User.email", ["dave@initech.example"]),
            ("User.FirstName", ["Dave"]),
            ("User.LastName", ["Lister"]),
            ("memberOf", ["Sales", "Managers"]),
        ],
        "md_nameid_formats": [F_EMAIL],
        "sso": [(REDIRECT, "https://initech.onelogin.com/trust/saml2/http-redirect/sso/3f9a1c2b-7d4e-4a5b-9c6d-8e7f6a5b4c3d"),
                (POST, "https://initech.onelogin.com/trust/saml2/http-post/sso/3f9a1c2b-7d4e-4a5b-9c6d-8e7f6a5b4c3d"),
                (SOAP, "https://initech.onelogin.com/trust/saml2/soap/sso/3f9a1c2b-7d4e-4a5b-9c6d-8e7f6a5b4c3d")],
        "slo": [(REDIRECT, "https://initech.onelogin.com/trust/saml2/http-redirect/slo/1234567")],
    },
    {
        "name": "pingfederate", "entity_id": "https://sso.globex.example:9031",
        "subject": [(NameOID.COUNTRY_NAME, "US"), (NameOID.ORGANIZATION_NAME, "Globex"),
                    (NameOID.COMMON_NAME, "PingFederate Signing")],
        "signs": "assertion", "response_prefix": "samlp", "assertion_prefix": "saml", "assertion_declares_ns": True,
        "md_prefix": "md", "md_root_attrs": ' ID="hGq1kZ0wB2xYc3VtU4sR5pQ6oN7" cacheDuration="PT1440M"',
        "cache_seconds": 86400,
        "response_id": "cRh7O.gXjhE5n1L9BpwQn2JW0vK", "assertion_id": "xXq3rA9mTz.F6bL2WcYpE8nKs0D",
        "in_response_to": "_5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7081",
        "nameid_format": F_UNSPEC, "nameid": "erin", "email": "erin@globex.example",
        "session_index": "xXq3rA9mTz.F6bL2WcYpE8nKs0D",
        "attr_name_format": BASIC,
        "attributes": [
            ("mail", ["erin@globex.example"]),
            ("givenName", ["Erin"]),
            ("sn", ["Hannon"]),
            ("memberOf", ["CN=Engineering,OU=Groups,DC=globex,DC=example"]),
        ],
        "md_nameid_formats": [F_UNSPEC, F_EMAIL, F_PERSISTENT, F_TRANSIENT],
        "sso": [(POST, "https://sso.globex.example:9031/idp/SSO.saml2"),
                (REDIRECT, "https://sso.globex.example:9031/idp/SSO.saml2")],
        "slo": [(REDIRECT, "https://sso.globex.example:9031/idp/SLO.saml2")],
    },
    {
        "name": "adfs", "entity_id": "http://adfs.contoso.example/adfs/services/trust",
        "subject": [(NameOID.COMMON_NAME, "ADFS Signing - adfs.contoso.example")],
        "signs": "assertion", "response_prefix": "samlp", "assertion_prefix": "", "time": iso_ms,
        "md_prefix": "", "sign_metadata": True, "metadata_id": "_a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d",
        "md_root_attrs": ' ID="_a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d"',
        "md_after_idp": ('<SPSSODescriptor WantAssertionsSigned="true" '
                         'protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">'
                         '<AssertionConsumerService Binding="%s" Location="https://adfs.contoso.example/adfs/ls/" '
                         'index="0" isDefault="true"/></SPSSODescriptor>' % POST),
        "response_id": "_3e1b4c2d-7f6a-4b5c-9d8e-0f1a2b3c4d5e", "assertion_id": "_9d8c7b6a-5f4e-4d3c-2b1a-0f9e8d7c6b5a",
        "in_response_to": "_708192a3b4c5d6e7f8091a2b3c4d5e6f70819203",
        "nameid_format": F_EMAIL, "nameid": "frank@contoso.example", "email": "frank@contoso.example",
        "session_index": "_9d8c7b6a-5f4e-4d3c-2b1a-0f9e8d7c6b5a",
        "acr": "urn:federation:authentication:windows",
        "typed_values": False,
        "attributes": [
            (CLAIMS + "emailaddress", ["frank@contoso.example"]),
            (CLAIMS + "upn", ["frank@contoso.example"]),
            (CLAIMS + "givenname", ["Frank"]),
            (CLAIMS + "surname", ["Castle"]),
            ("http://schemas.xmlsoap.org/claims/Group", ["Domain Users", "Finance"]),
        ],
        "md_nameid_formats": [F_EMAIL, F_PERSISTENT, F_TRANSIENT],
        "sso": [(REDIRECT, "https://adfs.contoso.example/adfs/ls/"), (POST, "https://adfs.contoso.example/adfs/ls/")],
        "slo": [(REDIRECT, "https://adfs.contoso.example/adfs/ls/"), (POST, "https://adfs.contoso.example/adfs/ls/")],
    },
    {
        "name": "auth0", "entity_id": "urn:dev-abc123.us.auth0.com",
        "subject": [(NameOID.COMMON_NAME, "dev-abc123.us.auth0.com")],
        "signs": "assertion", "response_prefix": "samlp", "assertion_prefix": "saml", "assertion_declares_ns": True,
        "time": iso_ms, "md_prefix": "",
        "md_idp_extra": ('<Attribute xmlns="urn:oasis:names:tc:SAML:2.0:assertion" '
                         'Name="http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress" '
                         'NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri" FriendlyName="E-Mail Address"/>'),
        "response_id": "_b2f1e0d9c8b7a6f5e4d3", "assertion_id": "_c3a2b1f0e9d8c7b6a5f4",
        "in_response_to": "_8192a3b4c5d6e7f8091a2b3c4d5e6f7081920314",
        "nameid_format": F_UNSPEC, "nameid": "auth0|64f1a2b3c4d5e6f708192a3b", "email": "grace@hooli.example",
        "session_index": "_d4e5f6a7b8c9d0e1f2a3b4c5",
        "attr_name_format": URI_NF,
        "attributes": [
            (CLAIMS + "nameidentifier", ["auth0|64f1a2b3c4d5e6f708192a3b"]),
            (CLAIMS + "emailaddress", ["grace@hooli.example"]),
            (CLAIMS + "name", ["grace@hooli.example"]),
            (CLAIMS + "upn", ["grace@hooli.example"]),
            ("http://schemas.auth0.com/email_verified", ["true"]),
        ],
        "md_nameid_formats": [F_EMAIL, F_PERSISTENT],
        "sso": [(REDIRECT, "https://dev-abc123.us.auth0.com/samlp/Xy12AbCdEfGh34IjKlMn"),
                (POST, "https://dev-abc123.us.auth0.com/samlp/Xy12AbCdEfGh34IjKlMn")],
        "slo": [(REDIRECT, "https://dev-abc123.us.auth0.com/samlp/Xy12AbCdEfGh34IjKlMn/logout"),
                (POST, "https://dev-abc123.us.auth0.com/samlp/Xy12AbCdEfGh34IjKlMn/logout")],
    },
]


FIXTURES_README = """# SAML fixtures (TEST-ONLY)

Made by `scripts/make-saml-fixtures` (python3 + `cryptography` for keys, certificates and encryption;
the `xmlsec1` command-line tool for every signature). Regenerate with the script; existing keys in
`keys/` are reused (`SAML_FIXTURES_NEW_KEYS=1` makes new ones). Every key here is public and test-only.

| folder | shaped like | signed | notes |
| --- | --- | --- | --- |
| `entra-id/` | Entra ID (Azure AD) | Assertion | default-namespace assertion, `…/claims/*` attributes, signed metadata with a WS-Fed RoleDescriptor |
| `okta/` | Okta | Response + Assertion | `saml2:`/`saml2p:` prefixes, unspecified NameID |
| `google-workspace/` | Google Workspace | Assertion | metadata `validUntil`, `?idpid=` in the SSO URL, wrapped certificate text |
| `onelogin/` | OneLogin | Assertion | Redirect/POST/SOAP endpoints |
| `pingfederate/` | PingFederate | Assertion | IDs without `_`, `cacheDuration="PT1440M"` |
| `adfs/` | ADFS | Assertion | signed metadata, separate signing/encryption certificates, an SPSSODescriptor beside the IdP role |
| `auth0/` | Auth0 | Assertion | `auth0|…` NameID, `saml:Attribute` in the IdP descriptor |
| `rollover/` | key rollover | Assertion (new key) | metadata with the old and the new signing certificate |
| `encrypted/` | EncryptedAssertion | Assertion (inside) | RSA-OAEP + AES-256-GCM (`response.xml`) and AES-256-CBC; `sp-key.pem` decrypts |
| `sha1/` | RSA-SHA1 + SHA-1 digest | Assertion | refused unless SHA-1 is allowed |
| `weak-key/` | 1024-bit RSA IdP key | Assertion | refused by the default 2048-bit minimum |
| `aggregate/` | EntitiesDescriptor | - | Okta + nested OneLogin + one SP; pick by entity id |

Each IdP folder has `metadata.xml`, `response.xml` and `settings.json`: `spEntityID`, `acsURL`, `now`
(fixed, inside every validity window), `inResponseTo`, expected `nameID`/`nameIDFormat`/`email`/
`sessionIndex`/`attributes`, the signing certificate's `openssl x509 -fingerprint -sha256` value, and
the expected parsed `metadata`. `keys/certificates.json` lists every certificate's openssl fingerprint.
"""


def variant(base, **changes):
    copy = dict(base)
    copy.update(changes)
    return copy


def main():
    os.makedirs(KEYS, exist_ok=True)
    keys = {}
    for idp in IDPS:
        keys[idp["name"]] = make_key(idp["name"], idp["subject"])
        generate_idp(idp, *keys[idp["name"]])

    # ADFS: a separate token-decrypting (encryption) certificate beside the signing one.
    adfs = next(i for i in IDPS if i["name"] == "adfs")
    adfs_enc = make_key("adfs-encryption", [(NameOID.COMMON_NAME, "ADFS Encryption - adfs.contoso.example")])
    generate_idp(adfs, *keys["adfs"], metadata_certs=[(adfs_enc[1], "encryption"), (keys["adfs"][1], "signing")])

    # Rollover: metadata with the old and the new signing certificate; the response is signed by the new one.
    old = make_key("rollover-old", [(NameOID.COMMON_NAME, "Rollover IdP Signing 2024")])
    new = make_key("rollover-new", [(NameOID.COMMON_NAME, "Rollover IdP Signing 2026")])
    okta = next(i for i in IDPS if i["name"] == "okta")
    roll = variant(okta, name="rollover", entity_id="https://idp.rollover.example/saml", signs="assertion",
                   response_id="_roll_resp_5f2d8a1c9e3b7f40", assertion_id="_roll_assert_6a3e9b2d0f4c8a51",
                   in_response_to="_92a3b4c5d6e7f8091a2b3c4d5e6f708192031425",
                   sso=[(REDIRECT, "https://idp.rollover.example/saml/sso"), (POST, "https://idp.rollover.example/saml/sso")],
                   slo=[])
    generate_idp(roll, *new, metadata_certs=[(old[1], "signing"), (new[1], "signing")])

    # Encrypted assertion: signed inside by the IdP, encrypted to the SP's key (RSA-OAEP + AES-256-GCM / CBC).
    sp_key, sp_cert = make_key("sp", [(NameOID.COMMON_NAME, "sp.example.com (TEST ONLY)")])
    enc_idp_key = make_key("encrypting-idp", [(NameOID.COMMON_NAME, "Encrypting IdP Signing")])
    enc = variant(okta, name="encrypted", entity_id="https://idp.encrypted.example/saml", signs="assertion",
                  response_id="_enc_resp_1b2c3d4e5f60718293a4", assertion_id="_enc_assert_a4b5c6d7e8f9012345b6",
                  in_response_to="_a3b4c5d6e7f8091a2b3c4d5e6f70819203142536",
                  sso=[(REDIRECT, "https://idp.encrypted.example/saml/sso")], slo=[], assertion_declares_ns=True)
    enc_dir = os.path.join(ROOT, "encrypted")
    generate_idp(enc, *enc_idp_key, out_dir=enc_dir,
                 extra_settings={"spKey": "sp-key.pem", "spCert": "sp-cert.pem", "encrypted": True})
    standalone = build_assertion(enc, standalone=True)
    signed_assertion = strip_decl(sign_document(standalone, *enc_idp_key, enc["assertion_id"], "", "assertion"))
    for cipher, filename in (("aes256-gcm", "response.xml"), ("aes256-cbc", "response-aes-cbc.xml")):
        encrypted = encrypt_assertion(signed_assertion, sp_cert, cipher, enc["assertion_prefix"])
        resp = build_response(variant(enc, assertion_declares_ns=False), encrypted).replace(PH_RESPONSE_SIG, "")
        write(os.path.join(enc_dir, filename), '<?xml version="1.0" encoding="UTF-8"?>\n' + resp + "\n")
    shutil.copy(sp_key, os.path.join(enc_dir, "sp-key.pem"))
    shutil.copy(sp_cert, os.path.join(enc_dir, "sp-cert.pem"))

    # SHA-1 signature (refused unless explicitly allowed) and a 1024-bit key (refused by the default policy).
    sha1 = variant(okta, name="sha1", entity_id="https://idp.sha1.example/saml", signs="assertion",
                   sig_alg="rsa-sha1", digest="sha1", response_id="_sha1_resp_0a1b2c3d4e5f",
                   assertion_id="_sha1_assert_5f4e3d2c1b0a", in_response_to="_b4c5d6e7f8091a2b3c4d5e6f7081920314253647",
                   sso=[(REDIRECT, "https://idp.sha1.example/saml/sso")], slo=[])
    sha1_key = make_key("sha1-idp", [(NameOID.COMMON_NAME, "SHA-1 IdP Signing")])
    generate_idp(sha1, *sha1_key)
    weak = variant(okta, name="weak-key", entity_id="https://idp.weak.example/saml", signs="assertion",
                   response_id="_weak_resp_0a1b2c3d4e5f", assertion_id="_weak_assert_5f4e3d2c1b0a",
                   in_response_to="_c5d6e7f8091a2b3c4d5e6f708192031425364758",
                   sso=[(REDIRECT, "https://idp.weak.example/saml/sso")], slo=[])
    weak_key = make_key("weak-1024", [(NameOID.COMMON_NAME, "Weak 1024-bit IdP Signing")], bits=1024)
    generate_idp(weak, *weak_key)

    # Certificates for parser tests: a P-256 key, and a 512-bit RSA key (refused at parse time).
    ec_cert = os.path.join(KEYS, "ec-p256-cert.pem")
    if not (REUSE_KEYS and os.path.exists(ec_cert)):
        from cryptography.hazmat.primitives.asymmetric import ec
        ec_key = ec.generate_private_key(ec.SECP256R1())
        subj = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "EC P-256 IdP Signing")])
        cert = (x509.CertificateBuilder().subject_name(subj).issuer_name(subj).public_key(ec_key.public_key())
                .serial_number(x509.random_serial_number()).not_valid_before(NOT_BEFORE)
                .not_valid_after(NOT_AFTER).sign(ec_key, hashes.SHA256()))
        with open(os.path.join(KEYS, "ec-p256-key.pem"), "wb") as f:
            f.write(ec_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                         serialization.NoEncryption()))
        with open(ec_cert, "wb") as f:
            f.write(cert.public_bytes(serialization.Encoding.PEM))
    tiny_cert = os.path.join(KEYS, "tiny-512-cert.pem")
    if not (REUSE_KEYS and os.path.exists(tiny_cert)):
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:512", "-nodes", "-sha256",
                        "-keyout", os.path.join(KEYS, "tiny-512-key.pem"), "-out", tiny_cert,
                        "-days", "9000", "-subj", "/CN=Tiny 512-bit IdP Signing"], check=True, capture_output=True)
    fingerprints = {}
    for name in sorted(os.listdir(KEYS)):
        if name.endswith("-cert.pem"):
            fingerprints[name] = cert_info(os.path.join(KEYS, name))
    write(os.path.join(KEYS, "certificates.json"), json.dumps(fingerprints, indent=2, sort_keys=True) + "\n")

    # Aggregate: an EntitiesDescriptor with two IdPs and one SP, for selection by entity id.
    parts = []
    for name in ("okta", "onelogin"):
        with open(os.path.join(ROOT, name, "metadata.xml")) as f:
            parts.append(strip_decl(f.read()).strip())
    sp_md = ('<md:EntityDescriptor xmlns:md="%s" entityID="https://sp.other.example/metadata">'
             '<md:SPSSODescriptor protocolSupportEnumeration="%s"><md:AssertionConsumerService Binding="%s" '
             'Location="https://sp.other.example/acs" index="0"/></md:SPSSODescriptor></md:EntityDescriptor>'
             % (NS_MD, NS_P, POST))
    aggregate = ('<?xml version="1.0" encoding="UTF-8"?>\n<md:EntitiesDescriptor xmlns:md="%s" Name="urn:example:federation" '
                 'validUntil="2045-01-01T00:00:00Z" cacheDuration="PT6H">\n%s\n<md:EntitiesDescriptor Name="nested">%s'
                 '</md:EntitiesDescriptor>\n%s\n</md:EntitiesDescriptor>\n' % (NS_MD, parts[0], parts[1], sp_md))
    write(os.path.join(ROOT, "aggregate", "metadata.xml"), aggregate)

    write(os.path.join(ROOT, "README.md"), FIXTURES_README)
    write(os.path.join(KEYS, "README.md"),
          "# TEST-ONLY keys\n\nEvery private key in this folder (and `Fixtures/saml/encrypted/sp-key.pem`) was generated\n"
          "by `scripts/make-saml-fixtures` for the test fixtures of swift-sso. They are public: never use\n"
          "them, or any certificate signed with them, outside tests. `weak-1024-*` is deliberately too small.\n")


if __name__ == "__main__":
    main()
