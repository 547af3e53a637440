// The -D flags of `pkg-config --cflags xmlsec1-openssl`, which SwiftPM refuses to pass through.
// They change struct layouts (XMLSEC_NO_SIZE_T makes xmlSecSize 4 bytes): they must match the
// build of the system library exactly, and must come before any xmlsec header.
#ifndef CXMLSEC_DEFS_H
#define CXMLSEC_DEFS_H

#ifndef __XMLSEC_FUNCTION__
#define __XMLSEC_FUNCTION__ __func__
#endif
#ifndef XMLSEC_NO_SIZE_T
#define XMLSEC_NO_SIZE_T
#endif
#ifndef XMLSEC_OPENSSL3_ENGINES
#define XMLSEC_OPENSSL3_ENGINES 1
#endif
#ifndef XMLSEC_NO_GOST
#define XMLSEC_NO_GOST 1
#endif
#ifndef XMLSEC_NO_GOST2012
#define XMLSEC_NO_GOST2012 1
#endif
#ifndef XMLSEC_NO_CRYPTO_DYNAMIC_LOADING
#define XMLSEC_NO_CRYPTO_DYNAMIC_LOADING 1
#endif
#ifndef XMLSEC_CRYPTO_OPENSSL
#define XMLSEC_CRYPTO_OPENSSL 1
#endif

// Debian's libxml2 is built with ICU; its headers would pull <unicode/ucnv.h>, whose types clash
// with Foundation's private ICU module. Only trailing fields of xmlCharEncodingHandler depend on it.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#endif
