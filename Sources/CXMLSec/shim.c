#include "include/CXMLSec.h"

#include <pthread.h>
#include <string.h>

static pthread_once_t cxmlsec_once = PTHREAD_ONCE_INIT;
static int cxmlsec_init_result = -1;
static int cxmlsec_init_runs = 0;

xmlParserInputPtr cxml_deny_entity_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt) {
    (void)url;
    (void)id;
    (void)ctxt;
    return NULL;
}

static void cxmlsec_silent_errors(const char *file, int line, const char *func, const char *errorObject,
                                  const char *errorSubject, int reason, const char *msg) {
    (void)file; (void)line; (void)func; (void)errorObject; (void)errorSubject; (void)reason; (void)msg;
}

static void cxml_silent_generic(void *ctx, const char *msg, ...) {
    (void)ctx;
    (void)msg;
}

static void cxmlsec_do_init(void) {
    cxmlsec_init_runs += 1;
    xmlInitParser();
    xmlSetGenericErrorFunc(NULL, cxml_silent_generic);
    if (xmlSecInit() < 0) {
        return;
    }
    // xmlSecInit installs its own external-entity loader; nothing may be loaded from outside.
    xmlSetExternalEntityLoader(cxml_deny_entity_loader);
    if (xmlSecCheckVersion() != 1) {
        return;
    }
    if (xmlSecOpenSSLAppInit(NULL) < 0) {
        return;
    }
    if (xmlSecOpenSSLInit() < 0) {
        return;
    }
    xmlSecErrorsSetCallback(cxmlsec_silent_errors);
    cxmlsec_init_result = 0;
}

int cxmlsec_init_once(void) {
    pthread_once(&cxmlsec_once, cxmlsec_do_init);
    return cxmlsec_init_result;
}

int cxmlsec_init_count(void) {
    return cxmlsec_init_runs;
}

void cxmlsec_shutdown(void) {
    if (cxmlsec_init_result == 0) {
        xmlSecOpenSSLShutdown();
        xmlSecOpenSSLAppShutdown();
        xmlSecShutdown();
        cxmlsec_init_result = -1;
    }
}

void cxml_free(void *p) { xmlFree(p); }

xmlSecTransformId cxmlsec_transform_exc_c14n(void) { return xmlSecTransformExclC14NId; }
xmlSecTransformId cxmlsec_transform_exc_c14n_with_comments(void) { return xmlSecTransformExclC14NWithCommentsId; }
xmlSecTransformId cxmlsec_transform_incl_c14n(void) { return xmlSecTransformInclC14NId; }
xmlSecTransformId cxmlsec_transform_incl_c14n_with_comments(void) { return xmlSecTransformInclC14NWithCommentsId; }
xmlSecTransformId cxmlsec_transform_incl_c14n11(void) { return xmlSecTransformInclC14N11Id; }
xmlSecTransformId cxmlsec_transform_incl_c14n11_with_comments(void) { return xmlSecTransformInclC14N11WithCommentsId; }
xmlSecTransformId cxmlsec_transform_enveloped(void) { return xmlSecTransformEnvelopedId; }
xmlSecTransformId cxmlsec_transform_sha1(void) { return xmlSecOpenSSLTransformSha1Id; }
xmlSecTransformId cxmlsec_transform_sha256(void) { return xmlSecOpenSSLTransformSha256Id; }
xmlSecTransformId cxmlsec_transform_sha384(void) { return xmlSecOpenSSLTransformSha384Id; }
xmlSecTransformId cxmlsec_transform_sha512(void) { return xmlSecOpenSSLTransformSha512Id; }
xmlSecTransformId cxmlsec_transform_rsa_sha1(void) { return xmlSecOpenSSLTransformRsaSha1Id; }
xmlSecTransformId cxmlsec_transform_rsa_sha256(void) { return xmlSecOpenSSLTransformRsaSha256Id; }
xmlSecTransformId cxmlsec_transform_rsa_sha384(void) { return xmlSecOpenSSLTransformRsaSha384Id; }
xmlSecTransformId cxmlsec_transform_rsa_sha512(void) { return xmlSecOpenSSLTransformRsaSha512Id; }
xmlSecTransformId cxmlsec_transform_ecdsa_sha1(void) { return xmlSecOpenSSLTransformEcdsaSha1Id; }
xmlSecTransformId cxmlsec_transform_ecdsa_sha256(void) { return xmlSecOpenSSLTransformEcdsaSha256Id; }
xmlSecTransformId cxmlsec_transform_ecdsa_sha384(void) { return xmlSecOpenSSLTransformEcdsaSha384Id; }
xmlSecTransformId cxmlsec_transform_ecdsa_sha512(void) { return xmlSecOpenSSLTransformEcdsaSha512Id; }
xmlSecTransformId cxmlsec_transform_rsa_oaep(void) { return xmlSecOpenSSLTransformRsaOaepId; }
xmlSecTransformId cxmlsec_transform_rsa_pkcs1(void) { return xmlSecOpenSSLTransformRsaPkcs1Id; }
xmlSecTransformId cxmlsec_transform_aes128_cbc(void) { return xmlSecOpenSSLTransformAes128CbcId; }
xmlSecTransformId cxmlsec_transform_aes192_cbc(void) { return xmlSecOpenSSLTransformAes192CbcId; }
xmlSecTransformId cxmlsec_transform_aes256_cbc(void) { return xmlSecOpenSSLTransformAes256CbcId; }
xmlSecTransformId cxmlsec_transform_aes128_gcm(void) { return xmlSecOpenSSLTransformAes128GcmId; }
xmlSecTransformId cxmlsec_transform_aes192_gcm(void) { return xmlSecOpenSSLTransformAes192GcmId; }
xmlSecTransformId cxmlsec_transform_aes256_gcm(void) { return xmlSecOpenSSLTransformAes256GcmId; }
xmlSecKeyDataId cxmlsec_key_data_x509(void) { return xmlSecOpenSSLKeyDataX509Id; }
xmlSecKeyDataId cxmlsec_key_data_rsa(void) { return xmlSecOpenSSLKeyDataRsaId; }
xmlSecKeyDataId cxmlsec_key_data_ec(void) { return xmlSecOpenSSLKeyDataEcdsaId; }

const char *cxmlsec_ns_dsig(void) { return (const char *)xmlSecDSigNs; }
const char *cxmlsec_ns_enc(void) { return (const char *)xmlSecEncNs; }

static void cxml_refuse_subset(void *ctx, const xmlChar *name, const xmlChar *externalID, const xmlChar *systemID) {
    (void)name;
    (void)externalID;
    (void)systemID;
    xmlParserCtxtPtr ctxt = (xmlParserCtxtPtr)ctx;
    if (ctxt->_private != NULL) {
        *(int *)ctxt->_private = 1;
    }
    xmlStopParser(ctxt);
}

static int cxml_depth_exceeds(xmlNodePtr root, int max_depth) {
    xmlNodePtr node = root;
    int depth = 1;
    for (;;) {
        if (depth > max_depth) {
            return 1;
        }
        if (node->type == XML_ELEMENT_NODE && node->children != NULL) {
            node = node->children;
            depth += 1;
            continue;
        }
        while (node != root && node->next == NULL) {
            node = node->parent;
            depth -= 1;
        }
        if (node == root) {
            return 0;
        }
        node = node->next;
    }
}

xmlDocPtr cxml_parse_hardened(const char *bytes, int len, int max_depth, int *had_doctype, int *err_code) {
    *had_doctype = 0;
    *err_code = 0;
    if (cxmlsec_init_once() != 0) {
        *err_code = -1;
        return NULL;
    }
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (ctxt == NULL) {
        *err_code = -1;
        return NULL;
    }
    ctxt->_private = had_doctype;
    ctxt->sax->internalSubset = cxml_refuse_subset;
    ctxt->sax->externalSubset = NULL;
    // Entity declarations and references never reach the tree without a DOCTYPE; these keep the
    // parser from substituting or fetching anything even if they somehow did.
    int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
    xmlDocPtr doc = xmlCtxtReadMemory(ctxt, bytes, len, "untrusted.xml", NULL, options);
    int wellFormed = ctxt->wellFormed;
    int errNo = ctxt->errNo;
    xmlFreeParserCtxt(ctxt);
    if (doc == NULL) {
        *err_code = errNo != 0 ? errNo : -1;
        return NULL;
    }
    if (*had_doctype || doc->intSubset != NULL || doc->extSubset != NULL) {
        *had_doctype = 1;
        xmlFreeDoc(doc);
        *err_code = -2;
        return NULL;
    }
    if (!wellFormed || errNo != 0 || xmlDocGetRootElement(doc) == NULL) {
        xmlFreeDoc(doc);
        *err_code = errNo != 0 ? errNo : -1;
        return NULL;
    }
    if (max_depth > 0 && cxml_depth_exceeds(xmlDocGetRootElement(doc), max_depth)) {
        xmlFreeDoc(doc);
        *err_code = -3;
        return NULL;
    }
    return doc;
}
