#include "include/CXMLSecFloor.h"

// Debian's libxml2 is built with ICU; nothing here needs its headers (see CXMLSec's cxmlsec_defs.h).
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/valid.h>
#include <xmlsec/xmlsec.h>
#include <xmlsec/xmltree.h>
#include <xmlsec/xmldsig.h>
#include <xmlsec/keys.h>
#include <xmlsec/openssl/app.h>

static const xmlChar saml_assertion_ns[] = "urn:oasis:names:tc:SAML:2.0:assertion";

void *xmlsec_floor_load_certificate_key(const unsigned char *der, int len) {
    if (der == NULL || len <= 0) return NULL;
    return xmlSecOpenSSLAppKeyLoadMemory(der, (xmlSecSize)len, xmlSecKeyDataFormatCertDer, NULL, NULL, NULL);
}

void xmlsec_floor_free_key(void *key) {
    if (key != NULL) xmlSecKeyDestroy((xmlSecKeyPtr)key);
}

/// Registers node's ID and verifies its ds:Signature child. 1 verified, 0 none present, -1 failure.
static int verify_element(xmlDocPtr doc, xmlNodePtr node, xmlSecKeyPtr key) {
    xmlNodePtr signature = xmlSecFindChild(node, xmlSecNodeSignature, xmlSecDSigNs);
    if (signature == NULL) return 0;
    xmlAttrPtr attr = xmlHasProp(node, BAD_CAST "ID");
    if (attr == NULL) return -1;
    xmlChar *id = xmlNodeListGetString(doc, attr->children, 1);
    if (id == NULL) return -1;
    xmlAttrPtr registered = xmlAddID(NULL, doc, id, attr) != NULL ? attr : NULL;
    xmlFree(id);
    if (registered == NULL) return -1;
    xmlSecDSigCtxPtr ctx = xmlSecDSigCtxCreate(NULL);
    if (ctx == NULL) return -1;
    ctx->signKey = key; // borrowed, as swift-sso's shim does; detached before destroy
    int result = -1;
    if (xmlSecDSigCtxVerify(ctx, signature) >= 0 && ctx->status == xmlSecDSigStatusSucceeded) result = 1;
    ctx->signKey = NULL;
    xmlSecDSigCtxDestroy(ctx);
    return result;
}

int xmlsec_floor_parse_and_verify(const char *xml, int len, void *key) {
    if (xml == NULL || len <= 0 || key == NULL) return -1;
    xmlDocPtr doc = xmlReadMemory(xml, len, "floor.xml", NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (doc == NULL) return -1;
    int verified = 0;
    xmlNodePtr root = xmlDocGetRootElement(doc);
    int outcome = root != NULL ? verify_element(doc, root, (xmlSecKeyPtr)key) : -1;
    if (outcome < 0) goto fail;
    verified += outcome;
    xmlNodePtr assertion = xmlSecFindChild(root, BAD_CAST "Assertion", saml_assertion_ns);
    if (assertion != NULL) {
        outcome = verify_element(doc, assertion, (xmlSecKeyPtr)key);
        if (outcome < 0) goto fail;
        verified += outcome;
    }
    xmlFreeDoc(doc);
    return verified;
fail:
    xmlFreeDoc(doc);
    return -1;
}
