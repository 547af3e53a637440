// Check a username and password against a directory without the engine: search for the user
// as a service account, bind as the user, map groups to scopes.
import SsoCore
import SsoLDAP

// snippet.hide
func authenticate(typedName: String, typedPassword: String, caPEM: String, servicePassword: String) async throws {
    // snippet.show
    let configuration = LDAPConfiguration(
        endpoint: try LDAPEndpoint(
            url: "ldap://ldap.example.org",  // StartTLS by default
            tls: LDAPTLSConfiguration(trustRoots: .pem(caPEM))),
        serviceAccount: .bind(dn: "cn=svc,ou=services,dc=example,dc=org", password: Secret(servicePassword)),
        userLookup: .search(base: "ou=people,dc=example,dc=org", attribute: "uid"),
        groups: LDAPGroupConfiguration(mode: .memberOf, nested: .walk(maximumDepth: 8)),
        groupMapping: ["cn=admins,ou=groups,dc=example,dc=org": ["admin"], "developers": ["repo:write"]],
        defaultRole: "member")
    let authenticator = try LDAPAuthenticator(configuration: configuration)
    let result = try await authenticator.authenticate(username: typedName, password: Secret(typedPassword))
    print(result.dn, result.id, result.email ?? "no email", result.groups, result.scopes)
    // snippet.hide
}
// snippet.show
