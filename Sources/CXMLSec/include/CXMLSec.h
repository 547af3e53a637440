// libxml2 + xmlsec1 (OpenSSL) for Swift, with the few helpers Swift cannot import directly.
#ifndef CXMLSEC_H
#define CXMLSEC_H

#include "cxmlsec_defs.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/c14n.h>

#include <xmlsec/xmlsec.h>
#include <xmlsec/xmltree.h>
#include <xmlsec/xmldsig.h>
#include <xmlsec/xmlenc.h>
#include <xmlsec/templates.h>
#include <xmlsec/keys.h>
#include <xmlsec/keysmngr.h>
#include <xmlsec/transforms.h>
#include <xmlsec/errors.h>
#include <xmlsec/crypto.h>
#include <xmlsec/openssl/app.h>
#include <xmlsec/openssl/crypto.h>

/// Size and byte types of xmlsec, which are macros Swift cannot name.
typedef xmlSecSize cxmlsec_size;
typedef xmlSecByte cxmlsec_byte;

/// Initialises libxml2 and xmlsec (OpenSSL) exactly once per process, thread-safely.
/// Returns 0 on success, -1 if any step failed (the failure is remembered). There is no shutdown:
/// the process-wide libxml2/xmlsec state lives as long as the process (shutting it down would
/// break every later call from any thread).
int cxmlsec_init_once(void);

/// Number of times the one-time initialisation body actually ran (for tests: must be 1).
int cxmlsec_init_count(void);

/// `xmlFree` is a global function pointer, which Swift 6 rejects as not concurrency-safe.
void cxml_free(void *p);

/// Parses `len` bytes with no network, no DTD loading, no entity substitution. A DOCTYPE stops
/// the parser before any declaration inside it is processed. `*had_doctype` is set when one was seen.
/// Returns NULL on any error (the caller frees a non-NULL result with xmlFreeDoc).
xmlDocPtr cxml_parse_hardened(const char *bytes, int len, int max_depth, int *had_doctype, int *err_code);

/// 1 when any element of the document carries an `xml:id` attribute (libxml2 registers those
/// as IDs on its own; SAML never uses them), else 0.
int cxml_has_xml_id(xmlDocPtr doc);

/// Allow SHA-1 signature and digest methods (off by default).
#define CXMLSEC_ALLOW_SHA1 0x1
/// Allow RSA PKCS#1 v1.5 key transport (off by default).
#define CXMLSEC_ALLOW_RSA15 0x2

/// Verifies the ds:Signature `signature` with the pinned `key` only (borrowed, read-only; KeyInfo is
/// never read), same-document references only, manifests ignored, and only these transforms:
/// enveloped, exclusive/inclusive C14N (1.0, 1.1, with/without comments), RSA/ECDSA with SHA-256/384/512
/// and SHA-256/384/512 digests (+ SHA-1 with CXMLSEC_ALLOW_SHA1).
/// Returns 1 when xmlSecDSigCtxVerify succeeded AND the status is Succeeded AND there was exactly one
/// SignedInfo reference that succeeded; 0 when the signature is invalid; -1 when xmlsec could not process it.
/// On 1, `*out_uri` (xmlFree) is the reference URI and `*out_bytes`/`*out_len` (free) the bytes the
/// digest was computed over (the canonical form of what the signature covers).
int cxmlsec_verify_signature(xmlNodePtr signature, xmlSecKeyPtr key, int flags, xmlChar **out_uri,
                             unsigned char **out_bytes, int *out_len);

/// Size in bits of the key's value (RSA modulus, EC order), 0 if unknown. `*kind`: 1 RSA, 2 EC, 0 other.
int cxmlsec_key_info(xmlSecKeyPtr key, int *kind);

/// Loads a key from memory (format: an xmlSecKeyDataFormat value). NULL on failure.
xmlSecKeyPtr cxmlsec_key_load(const unsigned char *bytes, int len, int format);

/// Decrypts an xenc:EncryptedKey with the private `key` (borrowed, read-only), RSA-OAEP only (plus
/// RSA 1.5 with CXMLSEC_ALLOW_RSA15). 0 and `*out`/`*out_len` (free) on success, -1 on any failure.
int cxmlsec_decrypt_key(xmlNodePtr encrypted_key, xmlSecKeyPtr key, int flags, unsigned char **out, int *out_len);

/// Decrypts an xenc:EncryptedData with the AES key bytes `key` (AES-CBC or AES-GCM, 128/192/256 only),
/// never reading its KeyInfo. 0 and `*out`/`*out_len` (free) on success, -1 on any failure.
int cxmlsec_decrypt_data(xmlNodePtr encrypted_data, const unsigned char *key, int key_len, unsigned char **out,
                         int *out_len);

/// Registers `attr` (an attribute of an element of `doc`) as an XML ID. 0 on success, -1 if the
/// value is already registered or registration failed.
int cxml_register_id(xmlDocPtr doc, xmlAttrPtr attr);

/// The element an ID resolves to in `doc`, or NULL.
xmlNodePtr cxml_element_by_id(xmlDocPtr doc, const char *value);

/// free() for buffers returned by this shim.
void cxmlsec_free_buffer(void *p);

#endif
