// libldap (OpenLDAP 2.5+, thread-safe) for Swift.
// LDAP_SASL_SIMPLE and LDAP_OPT_ON/OFF are pointer-cast macros Swift cannot import:
// pass nil for LDAP_SASL_SIMPLE, and a non-nil / nil pointer for ON / OFF.
#ifndef CLDAP_H
#define CLDAP_H
#include <sys/time.h>
#include <lber.h>
#include <ldap.h>
#endif
