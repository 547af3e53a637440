// libidn2: IDNA2008 / UTS #46 domain-name conversion.
#ifndef CIDN2_H
#define CIDN2_H
#include <stdlib.h>
#include <idn2.h>
#endif
