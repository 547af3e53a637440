// The C floor of SAML Response validation: libxml2 parse + xmlsec verification of each signature,
// called directly from C (none of swift-sso's parser, shim or checks). For benchmarks only.
#ifndef CXMLSECFLOOR_H
#define CXMLSECFLOOR_H

/// Loads the public key of a DER certificate. xmlsec must already be initialised (SsoSAML does it
/// when it loads its own keys). NULL on failure; free with xmlsec_floor_free_key.
void *xmlsec_floor_load_certificate_key(const unsigned char *der, int len);

void xmlsec_floor_free_key(void *key);

/// Parses `len` bytes of XML (xmlReadMemory, no network), registers the `ID` of the root and of its
/// direct-child saml:Assertion, verifies the ds:Signature child of each (xmlSecDSigCtxVerify with
/// `key`), frees the document. Returns the number of signatures that verified, or -1 on failure.
int xmlsec_floor_parse_and_verify(const char *xml, int len, void *key);

#endif
