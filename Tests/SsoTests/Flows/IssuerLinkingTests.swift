import Foundation
import Sso
import SsoTesting
import Testing

/// External identities link by (issuer, subject): a new IdP reusing a subject is someone else.
@Suite struct IssuerLinkingTests {
    static let otherIssuer = "https://other-idp.okta.test"

    func login(_ org: SsoOrganization, _ provider: FakeOIDCProvider) async throws -> SsoCallbackResponse {
        let redirect = try provider.authorize(
            try await org.getLoginURL(domain: Flow.okta.domain), as: Flow.user(Flow.okta))
        return try await org.handleOidcCallback(code: redirect.code, state: redirect.state)
    }

    @Test(arguments: [true, false])
    func changedOIDCIssuerDoesNotLinkTheOldRecord(jit: Bool) async throws {
        let env = SsoTestEnvironment()
        let org = try env.engine.organization("org_acme")
        let (connection, original) = try await Flow.oidc(env, org, Flow.okta)
        let first = try await login(org, original)
        #expect(first.provisioned)

        // A second provider issuing the very same `sub` and email.
        let impostor = env.addOIDCProvider(
            issuer: Self.otherIssuer, clientID: "client-1", clientSecret: Secret("secret-client-1"),
            redirectURIs: [Flow.callback, Flow.otherCallback])
        var update = UpdateSsoConnectionParams(jitProvisioning: jit)
        update.settings = .oidc(OIDCSettingsPatch(issuerURL: Self.otherIssuer))
        _ = try await org.updateConnection(connection.id, update)

        if jit {
            let second = try await login(org, impostor)
            #expect(second.sub == first.sub)
            #expect(second.developerID != first.developerID)
            #expect(second.provisioned)
            let users = try await env.engine.stores.users.users(organizationID: org.id)
            #expect(Set(users.map(\.issuer)) == [Flow.okta.issuer, Self.otherIssuer])
            #expect(Set(users.map(\.id)) == [first.developerID, second.developerID])
        } else {
            #expect(await errorCode { try await login(org, impostor) } == .userNotProvisioned)
            #expect(try await env.engine.stores.users.users(organizationID: org.id).map(\.id) == [first.developerID])
        }

        // Pointing the connection back at the original IdP links its user again.
        var back = UpdateSsoConnectionParams()
        back.settings = .oidc(OIDCSettingsPatch(issuerURL: Flow.okta.issuer))
        _ = try await org.updateConnection(connection.id, back)
        let returning = try await login(org, original)
        #expect(returning.developerID == first.developerID)
        #expect(!returning.provisioned)
    }

    @Test func switchedLegacyConfigDoesNotLinkTheOldRecord() async throws {
        let (env, org, original) = try await LegacyFlowTests.setUp()
        let user = FakeOIDCUser(subject: "1234567890", email: "dev@anything.example", name: "Dev One")
        let redirect = try original.authorize(try await org.getLegacyLoginURL().authorizeURL, as: user)
        let first = try await org.handleCallback(code: redirect.code, state: redirect.state)

        let impostor = env.addOIDCProvider(
            issuer: Self.otherIssuer, clientID: "legacy-client", clientSecret: Secret("legacy-secret"),
            redirectURIs: ["https://myapp.example/sso/callback"])
        _ = try await org.createConfig(
            CreateSsoConfigParams(
                issuerURL: Self.otherIssuer, clientID: "legacy-client", clientSecret: Secret("legacy-secret"),
                redirectURI: "https://myapp.example/sso/callback"))
        let other = try impostor.authorize(try await org.getLegacyLoginURL().authorizeURL, as: user)
        let second = try await org.handleCallback(code: other.code, state: other.state)
        #expect(second.sub == first.sub)
        #expect(second.developerID != first.developerID)
        let users = try await env.engine.stores.users.users(organizationID: org.id)
        #expect(Set(users.map(\.issuer)) == ["https://accounts.google.test", Self.otherIssuer])
    }

    @Test func sameIssuerAndSubjectLinkOneRecord() async throws {
        let env = SsoTestEnvironment()
        let org = try env.engine.organization("org_acme")
        let (connection, provider) = try await Flow.oidc(env, org, Flow.okta)
        let first = try await login(org, provider)
        // An unrelated update keeps the issuer: still the same record, nothing provisioned.
        _ = try await org.updateConnection(connection.id, UpdateSsoConnectionParams(name: "Okta (renamed)"))
        let second = try await login(org, provider)
        #expect(second.developerID == first.developerID)
        #expect(!second.provisioned)
        let users = try await env.engine.stores.users.users(organizationID: org.id)
        #expect(users.count == 1)
        #expect(users.first?.issuer == Flow.okta.issuer)
        #expect(users.first?.subject == first.sub)
    }

    /// A host directory keyed by (connection, subject) only: the record of the old issuer comes
    /// back from `insertIfAbsent`, and the login is refused instead of reusing it.
    @Test func subjectOnlyDirectoryRefusesARecordOfAnotherIssuer() async throws {
        let inner = InMemoryUserDirectory()
        let directory = ClosureUserDirectory(
            find: { connectionID, subject in await inner.user(connectionID: connectionID, subject: subject) },
            insertIfAbsent: { user in
                if let existing = await inner.user(connectionID: user.connectionID, subject: user.subject) {
                    return (existing, false)
                }
                return await inner.insertIfAbsent(user)
            },
            remove: { id in await inner.remove(id: id) },
            list: { organizationID in await inner.users(organizationID: organizationID) })
        let env = SsoTestEnvironment(stores: SsoStores(users: directory))
        let org = try env.engine.organization("org_acme")
        let (connection, original) = try await Flow.oidc(env, org, Flow.okta)
        let first = try await login(org, original)
        let impostor = env.addOIDCProvider(
            issuer: Self.otherIssuer, clientID: "client-1", clientSecret: Secret("secret-client-1"),
            redirectURIs: [Flow.callback, Flow.otherCallback])
        var update = UpdateSsoConnectionParams()
        update.settings = .oidc(OIDCSettingsPatch(issuerURL: Self.otherIssuer))
        _ = try await org.updateConnection(connection.id, update)
        #expect(await errorCode { try await login(org, impostor) } == .userIdentityConflict)
        #expect(try await directory.users(organizationID: org.id).map(\.id) == [first.developerID])
    }

    /// New SAML metadata with another IdP entity ID: its equal NameID is a new user.
    @Test func changedSAMLEntityIDDoesNotLinkTheOldRecord() async throws {
        let env = SsoTestEnvironment()
        let org = try env.engine.organization("org_acme")
        let (connection, original) = try await Flow.saml(env, org, Flow.ping)
        let email = "pat@\(Flow.ping.domain)"
        func login(_ idp: TestSAMLIdentityProvider) async throws -> SsoCallbackResponse {
            let post = try idp.respond(to: try await org.getLoginURL(domain: email), as: Flow.ping.user(email))
            return try await org.handleSamlCallback(samlResponse: post.samlResponse, relayState: post.relayState)
        }
        let first = try await login(original)
        let newMetadata = "https://metadata.test/pingfederate-new.xml"
        let replacement = try env.addSAMLIdentityProvider(
            entityID: "https://pingfed-new.test:9031", ssoURL: "https://sso.test/pingfederate-new",
            metadataURL: newMetadata)
        var update = UpdateSsoConnectionParams()
        update.settings = .saml(SAMLSettingsPatch(metadata: .url(newMetadata)))
        _ = try await org.updateConnection(connection.id, update)
        let second = try await login(replacement)
        #expect(second.sub == first.sub)
        #expect(second.developerID != first.developerID)
        #expect(second.provisioned)
        let users = try await env.engine.stores.users.users(organizationID: org.id)
        #expect(Set(users.map(\.issuer)) == [Flow.ping.entityID, "https://pingfed-new.test:9031"])
    }

    /// An LDAP connection moved to another server URL: an equal entry id there is a new user.
    @Test func changedLDAPServerDoesNotLinkTheOldRecord() async throws {
        let env = SsoTestEnvironment(ldapConnector: LDAPFakeFlowTests.directory().connector)
        let org = try env.engine.organization("org_acme")
        let connection = try await LDAPFakeFlowTests.connection(org)
        let first = try await org.handleLdapCallback(
            username: "carol", password: Secret("carol-pw"), connectionID: connection.id)
        var update = UpdateSsoConnectionParams()
        update.settings = .ldap(LDAPSettingsPatch(serverURL: "ldaps://ldap2.corp.example"))
        _ = try await org.updateConnection(connection.id, update)
        let second = try await org.handleLdapCallback(
            username: "carol", password: Secret("carol-pw"), connectionID: connection.id)
        #expect(second.sub == first.sub)
        #expect(second.developerID != first.developerID)
        #expect(second.provisioned)
        let users = try await env.engine.stores.users.users(organizationID: org.id)
        #expect(Set(users.map(\.issuer)) == ["ldaps://ldap.corp.example", "ldaps://ldap2.corp.example"])
    }
}
