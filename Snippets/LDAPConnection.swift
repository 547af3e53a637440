// LDAP and Active Directory through the engine: a service account finds the user, the user's
// own password is checked with a bind, and directory groups become scopes.
// snippet.hide
import Foundation
// snippet.show
import Sso

// snippet.hide
func setUp(engine: SsoEngine, corporateCAPEM: String, environment: [String: String]) async throws {
    // snippet.show
    let organization = try engine.organization("org_acme")

    // OpenLDAP or FreeIPA: StartTLS on port 389, users by uid, groups from memberOf.
    let openLDAP = LDAPConnectionSettings(
        serverURL: "ldap://ldap.acme.internal", tlsMode: .starttls, caCertificatePEM: corporateCAPEM,
        bindDN: "uid=sso-reader,cn=sysaccounts,dc=acme,dc=internal",
        bindPassword: Secret(environment["LDAP_BIND_PASSWORD"] ?? ""),
        userSearchBase: "cn=users,cn=accounts,dc=acme,dc=internal", userAttribute: "uid",
        groupMapping: ["cn=admins,cn=groups,cn=accounts,dc=acme,dc=internal": ["admin"], "engineering": ["deploy"]],
        requireGroup: true)
    _ = try await organization.createConnection(
        CreateSsoConnectionParams(
            name: "Acme FreeIPA", settings: .ldap(openLDAP), domains: ["acme.internal"], jitProvisioning: true))

    // Active Directory: LDAPS on 636, users by sAMAccountName, only enabled accounts, and groups
    // that contain the user's groups too (the group search walks up to 8 levels, cycles safe).
    let activeDirectory = LDAPConnectionSettings(
        serverURL: "ldaps://dc01.corp.example:636", caCertificatePEM: corporateCAPEM,
        bindDN: "CN=svc-sso,OU=Service Accounts,DC=corp,DC=example",
        bindPassword: Secret(environment["AD_BIND_PASSWORD"] ?? ""),
        userSearchBase: "OU=Staff,DC=corp,DC=example", userAttribute: "sAMAccountName",
        userFilter: "(!(userAccountControl:1.2.840.113556.1.4.803:=2))",
        groupSearchBase: "OU=Groups,DC=corp,DC=example", groupMode: .nestedGroupSearch,
        groupMapping: ["SSO-Admins": ["admin"]])
    let ad = try await organization.createConnection(
        CreateSsoConnectionParams(name: "Corp AD", settings: .ldap(activeDirectory), domains: ["corp.example"]))

    // The login form posts here (SsoHummingbird's POST /sso/ldap does this for you).
    let result = try await organization.handleLdapCallback(
        username: "jdoe", password: Secret("the password the user typed"), connectionID: ad.id)
    print(result.email ?? "no email", result.groups ?? [], result.scopes ?? [])
    // snippet.hide
}
// snippet.show
