import Foundation
import Sso
import SsoTesting

extension LoginWalk {
    /// A fixture file's text, if the package root is known.
    func fixture(_ path: String) -> String? {
        DemoLDAPServer.packageRoot().flatMap { try? String(contentsOf: $0.appending(path: path), encoding: .utf8) }
    }

    func startIdentityProviders() async {
        printer.step("Start the embedded identity providers")
        let key = fixture("Fixtures/oidc/keys/okta-rsa.pem").flatMap {
            try? FakeSigningKey.rsa(pem: $0, keyID: "okta-demo")
        }
        oidcProvider = env.addOIDCProvider(
            issuer: Self.oktaIssuer, clientID: Self.oktaClientID, clientSecret: Secret(DemoFixtures.oktaClientSecret),
            redirectURIs: [Self.callback], signingKey: key ?? .es256(keyID: "okta-demo"))
        printer.detail(
            "OIDC provider \(Self.oktaIssuer) (Okta-like), signing with \(key == nil ? "a fresh ES256 key" : "the fixture RSA key")"
        )
        samlIdP = await attempt("start the SAML IdP") {
            try env.addSAMLIdentityProvider(
                entityID: "https://sts.windows.net/contoso-tenant/",
                ssoURL: "https://login.microsoftonline.com/contoso-tenant/saml2", metadataURL: Self.entraMetadataURL,
                privateKeyPEM: fixture("Fixtures/saml/keys/entra-id-key.pem"),
                certificatePEM: fixture("Fixtures/saml/keys/entra-id-cert.pem"))
        }
        if let samlIdP {
            printer.detail("SAML IdP \(samlIdP.entityID) (Entra-ID-like), metadata at \(Self.entraMetadataURL)")
        }
    }

    func createConnections(ldapServer: Result<DemoLDAPServer, DemoError>) async {
        printer.step("Step 1: create the connections")
        var oidc = CreateSsoConnectionParams.oidc(
            name: "Okta Production", issuerURL: Self.oktaIssuer, clientID: Self.oktaClientID,
            clientSecret: Secret(DemoFixtures.oktaClientSecret), domains: ["mycompany.com"], jitProvisioning: true,
            defaultRole: "member")
        oidc.redirectURIs = [Self.callback]
        okta = await attempt("create the OIDC connection") { try await org.createConnection(oidc) }
        entra = await attempt("create the SAML connection") {
            try await org.createConnection(
                .saml(
                    name: "Azure AD SAML", metadata: .url(Self.entraMetadataURL),
                    assertionConsumerServiceURL: "https://yourapp.com/sso/saml/callback",
                    entityID: "https://yourapp.com/saml/metadata", domains: ["contoso.com"], jitProvisioning: true))
        }
        switch ldapServer {
        case .success(let server):
            printer.detail(
                "slapd started on \(server.url) (StartTLS, throwaway data under \(server.directory.lastPathComponent))")
            let settings = LDAPConnectionSettings(
                serverURL: server.url, tlsMode: .starttls, caCertificatePEM: server.caPEM,
                bindDN: "cn=svc,ou=services,dc=example,dc=org", bindPassword: Secret(Self.ldapServicePassword),
                userSearchBase: "dc=example,dc=org", userFilter: "(objectClass=inetOrgPerson)",
                groupSearchBase: "ou=groups,dc=example,dc=org", groupMode: .nestedGroupSearch,
                groupMapping: [
                    "cn=engineers,ou=groups,dc=example,dc=org": ["grants:write"],
                    "cn=staff,ou=groups,dc=example,dc=org": ["grants:read"],
                ])
            let params = CreateSsoConnectionParams(
                name: "Corp OpenLDAP", settings: .ldap(settings), domains: ["example.org"], jitProvisioning: true,
                defaultRole: "member")
            ldap = await attempt("create the LDAP connection") { try await org.createConnection(params) }
        case .failure(let reason):
            printer.fail("no LDAP connection: \(reason)")
        }
        for connection in [okta, entra, ldap].compactMap({ $0 }) {
            printer.detail(
                "\(connection.protocol.rawValue.uppercased()) \(connection.name): \(connection.id) · domains \(connection.domains.joined(separator: ", "))"
            )
        }
    }

    func testConnections() async {
        printer.step("Test each connection against its IdP")
        for connection in [okta, entra, ldap].compactMap({ $0 }) {
            guard let result = await attempt("test \(connection.name)", { try await org.testConnection(connection.id) })
            else { continue }
            if result.success {
                printer.ok("\(connection.name): \(result.message) (\(result.responseTime) ms)")
            } else {
                printer.fail("\(connection.name): \(result.message)")
            }
        }
    }

    func enforce() async {
        printer.step("Step 2: enforce SSO (owners exempt)")
        _ = await attempt("set enforcement") {
            try await org.setEnforcement(SsoEnforcementParams(enforced: true, exemptRoles: ["owner"]))
        }
        let member = await attempt("decide") { try await org.passwordLoginDecision(role: "member") }
        check(member?.isAllowed == false, "password login as member: denied while SSO is enforced")
    }

    func route() async {
        printer.step("Step 3: route three users by email domain")
        for email in ["alice@mycompany.com", "bob@contoso.com", "alice@example.org"] {
            do {
                let login = try await org.getLoginURL(
                    domain: email, redirectURI: email.hasSuffix("mycompany.com") ? Self.callback : nil)
                let host = URLComponents(string: login.authorizeURL)?.host ?? "?"
                printer.detail(
                    "\(email) → \(login.protocol?.rawValue ?? "?") \(login.connectionID ?? "") → redirect to https://\(host)/…"
                )
            } catch  where error.code == .loginCredentialsRequired {
                printer.detail("\(email) → ldap: no redirect; \(error.message)")
            } catch {
                failures += 1
                printer.fail("\(email): \(error)")
            }
        }
    }

    func show(_ result: SsoCallbackResponse) {
        printer.detail(
            "Welcome, \(result.name ?? "?") (\(result.email ?? "?")) · developer \(result.developerID) · provisioned \(result.provisioned)"
        )
        if let groups = result.groups { printer.detail("groups: \(groups.joined(separator: ", "))") }
        if let scopes = result.scopes { printer.detail("scopes: \(scopes.joined(separator: ", "))") }
        if let session = result.sessionID { sessionIDs.append(session) }
    }

    func loginOIDC() async {
        printer.step("Step 4a: OIDC login — alice@mycompany.com at the Okta-like provider")
        guard let provider = oidcProvider, okta != nil else { return printer.fail("no OIDC connection") }
        let result = await attempt("OIDC login") {
            let login = try await org.getLoginURL(domain: "alice@mycompany.com", redirectURI: Self.callback)
            let user = FakeOIDCUser(subject: "00u1alice", email: "alice@mycompany.com", name: "Alice Smith")
            let redirect = try provider.authorize(login, as: user)
            printer.detail("IdP redirected to \(Self.callback)?code=…&state=…")
            return try await org.handleOidcCallback(code: redirect.code, state: redirect.state)
        }
        if let result {
            show(result)
            check(result.provisioned, "JIT-provisioned with role member")
            succeed("oidc")
        }
    }

    func loginSAML() async {
        printer.step("Step 4b: SAML login — bob@contoso.com at the Entra-ID-like IdP")
        guard let idp = samlIdP, entra != nil else { return printer.fail("no SAML connection") }
        let result = await attempt("SAML login") {
            let login = try await org.getLoginURL(domain: "bob@contoso.com")
            let post = try idp.respond(
                to: login, as: .entraStyle(email: "bob@contoso.com", givenName: "Bob", surname: "Jones"))
            printer.detail(
                "IdP posted a signed SAMLResponse (\(post.samlResponse.utf8.count) bytes) with the RelayState")
            return try await org.handleSamlCallback(samlResponse: post.samlResponse, relayState: post.relayState)
        }
        if let result {
            show(result)
            succeed("saml")
        }
    }

    func loginLDAP(ldapServer: Result<DemoLDAPServer, DemoError>) async {
        printer.step("Step 4c: LDAP login — alice@example.org posts her directory credentials")
        guard case .success = ldapServer, let ldap else { return printer.fail("skipped: no LDAP server") }
        let result = await attempt("LDAP login") {
            try await org.handleLdapCallback(
                username: "alice", password: Secret(Self.ldapUserPassword), connectionID: ldap.id)
        }
        if let result {
            show(result)
            succeed("ldap")
        }
        do {
            _ = try await org.handleLdapCallback(
                username: "alice", password: Secret("wrong-password"), connectionID: ldap.id)
            check(false, "a wrong password must be refused")
        } catch {
            check(error.code == .ldapInvalidCredentials, "a wrong password is refused: \(error.code)")
        }
    }

    func manageSessions() async {
        printer.step("Admin: list and revoke sessions")
        guard let list = await attempt("list sessions", { try await org.listSessions() }) else { return }
        for session in list.sessions {
            printer.detail(
                "\(session.email) - \(session.connectionName) - expires \(Timestamp.format(session.expiresAt))")
        }
        check(list.sessions.count == succeeded.count, "\(list.sessions.count) active session(s), one per login")
        guard let first = sessionIDs.first else { return }
        _ = await attempt("revoke session") { try await org.revokeSession(first) }
        let after = (try? await org.listSessions().sessions.count) ?? -1
        check(after == list.sessions.count - 1, "revoked \(first); \(after) session(s) left")
    }
}
