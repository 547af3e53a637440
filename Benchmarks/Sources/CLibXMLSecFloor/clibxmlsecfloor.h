// System-library anchor: pkg-config's include paths and libraries for the C floor (its -D flags
// are repeated in CXMLSecFloor's cSettings, as SwiftPM drops them).
#ifndef CLIBXMLSECFLOOR_H
#define CLIBXMLSECFLOOR_H
#include <stddef.h>
#endif
