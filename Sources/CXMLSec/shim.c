#include "include/CXMLSec.h"

#include <openssl/evp.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static pthread_once_t cxmlsec_once = PTHREAD_ONCE_INIT;
static int cxmlsec_init_result = -1;
static int cxmlsec_init_runs = 0;

static xmlParserInputPtr cxml_deny_entity_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt) {
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

void cxml_free(void *p) { xmlFree(p); }

/// What the hardened parse's SAX hooks share through ctxt->_private.
typedef struct {
    int had_doctype;
    int depth;
    int max_depth;
    int too_deep;
    startElementNsSAX2Func start_element;
    endElementNsSAX2Func end_element;
} cxml_parse_state;

static void cxml_refuse_subset(void *ctx, const xmlChar *name, const xmlChar *externalID, const xmlChar *systemID) {
    (void)name;
    (void)externalID;
    (void)systemID;
    xmlParserCtxtPtr ctxt = (xmlParserCtxtPtr)ctx;
    if (ctxt->_private != NULL) {
        ((cxml_parse_state *)ctxt->_private)->had_doctype = 1;
    }
    xmlStopParser(ctxt);
}

// Depth is counted while parsing, so a deep document stops before its tree is built and is
// reported as too deep whether it passes our limit or libxml2's own (256) first.
static void cxml_start_element(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *URI,
                               int nb_namespaces, const xmlChar **namespaces, int nb_attributes, int nb_defaulted,
                               const xmlChar **attributes) {
    xmlParserCtxtPtr ctxt = (xmlParserCtxtPtr)ctx;
    cxml_parse_state *state = (cxml_parse_state *)ctxt->_private;
    state->depth += 1;
    if (state->max_depth > 0 && state->depth > state->max_depth) {
        state->too_deep = 1;
        xmlStopParser(ctxt);
        return;
    }
    state->start_element(ctx, localname, prefix, URI, nb_namespaces, namespaces, nb_attributes, nb_defaulted,
                         attributes);
}

static void cxml_end_element(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *URI) {
    xmlParserCtxtPtr ctxt = (xmlParserCtxtPtr)ctx;
    cxml_parse_state *state = (cxml_parse_state *)ctxt->_private;
    state->depth -= 1;
    state->end_element(ctx, localname, prefix, URI);
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
    cxml_parse_state state = {0, 0, max_depth, 0, ctxt->sax->startElementNs, ctxt->sax->endElementNs};
    if (state.start_element == NULL || state.end_element == NULL) {
        xmlFreeParserCtxt(ctxt);
        *err_code = -1;
        return NULL;
    }
    ctxt->_private = &state;
    ctxt->sax->internalSubset = cxml_refuse_subset;
    ctxt->sax->externalSubset = NULL;
    ctxt->sax->startElementNs = cxml_start_element;
    ctxt->sax->endElementNs = cxml_end_element;
    // Entity declarations and references never reach the tree without a DOCTYPE; these keep the
    // parser from substituting or fetching anything even if they somehow did.
    int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
    xmlDocPtr doc = xmlCtxtReadMemory(ctxt, bytes, len, "untrusted.xml", NULL, options);
    int wellFormed = ctxt->wellFormed;
    int errNo = ctxt->errNo;
    xmlFreeParserCtxt(ctxt);
    *had_doctype = state.had_doctype;
    if (state.too_deep) {
        xmlFreeDoc(doc);
        *err_code = -3;
        return NULL;
    }
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
    return doc;
}

int cxml_has_xml_id(xmlDocPtr doc) {
    xmlNodePtr root = xmlDocGetRootElement(doc);
    xmlNodePtr node = root;
    while (node != NULL) {
        if (node->type == XML_ELEMENT_NODE) {
            for (xmlAttrPtr attr = node->properties; attr != NULL; attr = attr->next) {
                if (attr->ns != NULL && attr->ns->href != NULL &&
                    xmlStrEqual(attr->ns->href, XML_XML_NAMESPACE) && xmlStrEqual(attr->name, BAD_CAST "id")) {
                    return 1;
                }
            }
            if (node->children != NULL) {
                node = node->children;
                continue;
            }
        }
        while (node != root && node->next == NULL) {
            node = node->parent;
        }
        if (node == root) {
            return 0;
        }
        node = node->next;
    }
    return 0;
}

void cxmlsec_free_buffer(void *p) { free(p); }

static int cxmlsec_copy_buffer(xmlSecBufferPtr buffer, unsigned char **out, int *out_len) {
    if (buffer == NULL || xmlSecBufferGetData(buffer) == NULL) {
        return -1;
    }
    xmlSecSize size = xmlSecBufferGetSize(buffer);
    if (size > 0x7fffffff) {
        return -1;
    }
    unsigned char *copy = malloc(size > 0 ? size : 1);
    if (copy == NULL) {
        return -1;
    }
    memcpy(copy, xmlSecBufferGetData(buffer), size);
    *out = copy;
    *out_len = (int)size;
    return 0;
}

static int cxmlsec_enable_signature_transforms(xmlSecDSigCtxPtr ctx, int flags) {
    xmlSecTransformId c14n[] = {
        xmlSecTransformExclC14NId, xmlSecTransformExclC14NWithCommentsId,
        xmlSecTransformInclC14NId, xmlSecTransformInclC14NWithCommentsId,
        xmlSecTransformInclC14N11Id, xmlSecTransformInclC14N11WithCommentsId,
    };
    xmlSecTransformId sign[] = {
        xmlSecOpenSSLTransformRsaSha256Id, xmlSecOpenSSLTransformRsaSha384Id, xmlSecOpenSSLTransformRsaSha512Id,
        xmlSecOpenSSLTransformEcdsaSha256Id, xmlSecOpenSSLTransformEcdsaSha384Id, xmlSecOpenSSLTransformEcdsaSha512Id,
    };
    xmlSecTransformId digest[] = {
        xmlSecOpenSSLTransformSha256Id, xmlSecOpenSSLTransformSha384Id, xmlSecOpenSSLTransformSha512Id,
    };
    for (size_t i = 0; i < sizeof(c14n) / sizeof(c14n[0]); i++) {
        if (xmlSecDSigCtxEnableSignatureTransform(ctx, c14n[i]) < 0) return -1;
        if (xmlSecDSigCtxEnableReferenceTransform(ctx, c14n[i]) < 0) return -1;
    }
    for (size_t i = 0; i < sizeof(sign) / sizeof(sign[0]); i++) {
        if (xmlSecDSigCtxEnableSignatureTransform(ctx, sign[i]) < 0) return -1;
    }
    for (size_t i = 0; i < sizeof(digest) / sizeof(digest[0]); i++) {
        if (xmlSecDSigCtxEnableReferenceTransform(ctx, digest[i]) < 0) return -1;
    }
    if (xmlSecDSigCtxEnableReferenceTransform(ctx, xmlSecTransformEnvelopedId) < 0) return -1;
    if (flags & CXMLSEC_ALLOW_SHA1) {
        if (xmlSecDSigCtxEnableSignatureTransform(ctx, xmlSecOpenSSLTransformRsaSha1Id) < 0) return -1;
        if (xmlSecDSigCtxEnableSignatureTransform(ctx, xmlSecOpenSSLTransformEcdsaSha1Id) < 0) return -1;
        if (xmlSecDSigCtxEnableReferenceTransform(ctx, xmlSecOpenSSLTransformSha1Id) < 0) return -1;
    }
    return 0;
}

int cxmlsec_verify_signature(xmlNodePtr signature, xmlSecKeyPtr key, int flags, xmlChar **out_uri,
                             unsigned char **out_bytes, int *out_len) {
    *out_uri = NULL;
    *out_bytes = NULL;
    *out_len = 0;
    if (signature == NULL || key == NULL || cxmlsec_init_once() != 0) {
        return -1;
    }
    // No keys manager: KeyInfo can never supply a key.
    xmlSecDSigCtxPtr ctx = xmlSecDSigCtxCreate(NULL);
    if (ctx == NULL) {
        return -1;
    }
    int result = -1;
    // Borrowed, never duplicated (duplicating a certificate key costs more than the verification):
    // xmlsec only reads it (xmlSecKeyMatch, and the signature transform takes its own reference to
    // the EVP_PKEY), and it is detached again before the context is destroyed.
    ctx->signKey = key;
    ctx->flags = XMLSEC_DSIG_FLAGS_IGNORE_MANIFESTS | XMLSEC_DSIG_FLAGS_STORE_SIGNEDINFO_REFERENCES;
    ctx->enabledReferenceUris = xmlSecTransformUriTypeSameDocument;
    ctx->keyInfoReadCtx.maxRetrievalMethodLevel = 0;
    if (cxmlsec_enable_signature_transforms(ctx, flags) < 0) {
        goto done;
    }
    if (xmlSecDSigCtxVerify(ctx, signature) < 0) {
        goto done;
    }
    if (ctx->status != xmlSecDSigStatusSucceeded) {
        result = 0;
        goto done;
    }
    if (xmlSecPtrListGetSize(&(ctx->signedInfoReferences)) != 1) {
        result = 0;
        goto done;
    }
    xmlSecDSigReferenceCtxPtr ref = (xmlSecDSigReferenceCtxPtr)xmlSecPtrListGetItem(&(ctx->signedInfoReferences), 0);
    if (ref == NULL || ref->status != xmlSecDSigStatusSucceeded || ref->uri == NULL) {
        result = 0;
        goto done;
    }
    if (cxmlsec_copy_buffer(xmlSecDSigReferenceCtxGetPreDigestBuffer(ref), out_bytes, out_len) < 0) {
        goto done;
    }
    *out_uri = xmlStrdup(ref->uri);
    if (*out_uri == NULL) {
        free(*out_bytes);
        *out_bytes = NULL;
        *out_len = 0;
        goto done;
    }
    result = 1;
done:
    ctx->signKey = NULL;
    xmlSecDSigCtxDestroy(ctx);
    return result;
}

int cxmlsec_key_info(xmlSecKeyPtr key, int *kind) {
    *kind = 0;
    if (key == NULL) return 0;
    xmlSecKeyDataPtr value = xmlSecKeyGetValue(key);
    if (value == NULL) return 0;
    EVP_PKEY *pkey = NULL;
    if (xmlSecKeyDataCheckId(value, xmlSecOpenSSLKeyDataRsaId)) {
        *kind = 1;
        pkey = xmlSecOpenSSLKeyDataRsaGetEvp(value);
    } else if (xmlSecKeyDataCheckId(value, xmlSecOpenSSLKeyDataEcdsaId)) {
        *kind = 2;
        pkey = xmlSecOpenSSLKeyDataEcdsaGetEvp(value);
    }
    // EVP_PKEY_bits: RSA modulus bits, EC field/curve bits (256 for P-256).
    return pkey != NULL ? EVP_PKEY_bits(pkey) : 0;
}

xmlSecKeyPtr cxmlsec_key_load(const unsigned char *bytes, int len, int format) {
    if (bytes == NULL || len <= 0 || cxmlsec_init_once() != 0) return NULL;
    return xmlSecOpenSSLAppKeyLoadMemory(bytes, (xmlSecSize)len, (xmlSecKeyDataFormat)format, NULL, NULL, NULL);
}

static int cxmlsec_enable(xmlSecEncCtxPtr ctx, xmlSecTransformId id) {
    return xmlSecPtrListAdd(&(ctx->transformCtx.enabledTransforms), (void *)id);
}

int cxmlsec_decrypt_key(xmlNodePtr encrypted_key, xmlSecKeyPtr key, int flags, unsigned char **out, int *out_len) {
    *out = NULL;
    *out_len = 0;
    if (encrypted_key == NULL || key == NULL || cxmlsec_init_once() != 0) return -1;
    xmlSecEncCtxPtr ctx = xmlSecEncCtxCreate(NULL);
    if (ctx == NULL) return -1;
    int result = -1;
    ctx->mode = xmlEncCtxModeEncryptedKey;
    ctx->encKey = key; // borrowed, see cxmlsec_verify_signature
    ctx->keyInfoReadCtx.maxRetrievalMethodLevel = 0;
    ctx->transformCtx.enabledUris = xmlSecTransformUriTypeNone;
    if (cxmlsec_enable(ctx, xmlSecOpenSSLTransformRsaOaepId) < 0) goto done;
    if ((flags & CXMLSEC_ALLOW_RSA15) && cxmlsec_enable(ctx, xmlSecOpenSSLTransformRsaPkcs1Id) < 0) goto done;
    xmlSecBufferPtr buffer = xmlSecEncCtxDecryptToBuffer(ctx, encrypted_key);
    if (buffer == NULL) goto done;
    if (cxmlsec_copy_buffer(buffer, out, out_len) < 0) goto done;
    result = 0;
done:
    ctx->encKey = NULL;
    xmlSecEncCtxDestroy(ctx);
    return result;
}

int cxmlsec_decrypt_data(xmlNodePtr encrypted_data, const unsigned char *key, int key_len, unsigned char **out,
                         int *out_len) {
    *out = NULL;
    *out_len = 0;
    if (encrypted_data == NULL || key == NULL || key_len <= 0 || cxmlsec_init_once() != 0) return -1;
    xmlSecEncCtxPtr ctx = xmlSecEncCtxCreate(NULL);
    if (ctx == NULL) return -1;
    int result = -1;
    ctx->mode = xmlEncCtxModeEncryptedData;
    ctx->encKey = xmlSecKeyReadMemory(xmlSecOpenSSLKeyDataAesId, key, (xmlSecSize)key_len);
    ctx->keyInfoReadCtx.maxRetrievalMethodLevel = 0;
    ctx->transformCtx.enabledUris = xmlSecTransformUriTypeNone;
    if (ctx->encKey == NULL) goto done;
    xmlSecTransformId allowed[] = {
        xmlSecOpenSSLTransformAes128CbcId, xmlSecOpenSSLTransformAes192CbcId, xmlSecOpenSSLTransformAes256CbcId,
        xmlSecOpenSSLTransformAes128GcmId, xmlSecOpenSSLTransformAes192GcmId, xmlSecOpenSSLTransformAes256GcmId,
    };
    for (size_t i = 0; i < sizeof(allowed) / sizeof(allowed[0]); i++) {
        if (cxmlsec_enable(ctx, allowed[i]) < 0) goto done;
    }
    xmlSecBufferPtr buffer = xmlSecEncCtxDecryptToBuffer(ctx, encrypted_data);
    if (buffer == NULL) goto done;
    if (cxmlsec_copy_buffer(buffer, out, out_len) < 0) goto done;
    result = 0;
done:
    xmlSecEncCtxDestroy(ctx);
    return result;
}

int cxml_register_id(xmlDocPtr doc, xmlAttrPtr attr) {
    if (doc == NULL || attr == NULL) return -1;
    xmlChar *value = xmlNodeListGetString(doc, attr->children, 1);
    if (value == NULL) return -1;
    int result = -1;
    if (xmlGetID(doc, value) == NULL && xmlAddID(NULL, doc, value, attr) != NULL) {
        result = 0;
    }
    xmlFree(value);
    return result;
}

xmlNodePtr cxml_element_by_id(xmlDocPtr doc, const char *value) {
    if (doc == NULL || value == NULL) return NULL;
    xmlAttrPtr attr = xmlGetID(doc, BAD_CAST value);
    if (attr == NULL || attr->type != XML_ATTRIBUTE_NODE) return NULL;
    return attr->parent;
}
