// System-library anchor for libxml2 + xmlsec1 (OpenSSL backend).
// SwiftPM forwards pkg-config's include paths and libraries but drops its -D flags,
// so the declarations themselves are exposed through the CXMLSec shim, which defines them first.
#ifndef CLIBXMLSEC_H
#define CLIBXMLSEC_H
#include <stddef.h>
#endif
