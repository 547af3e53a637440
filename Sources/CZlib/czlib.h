// zlib, for the raw DEFLATE of SAML's HTTP-Redirect binding.
#ifndef CZLIB_H
#define CZLIB_H
#include <zlib.h>
#endif
