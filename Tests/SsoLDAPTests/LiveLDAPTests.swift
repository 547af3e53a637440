import SsoTestSupport
import Testing

/// Every test that talks to a real slapd lives in a suite nested here, so one server (started by
/// the `.ldapServer` trait) serves them all and is stopped afterwards.
@Suite(.ldapServer, .timeLimit(.minutes(2)))
struct LiveLDAPTests {}
