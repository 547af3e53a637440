import Foundation
import Sso
import SsoTesting

/// SAML logins through the engine on one store: an in-process IdP (RSA-2048, assertion signed),
/// metadata by URL on the fake transport (fetched once, then cached), JIT provisioning on.
struct SAMLCallbackWorkload: Sendable {
    static let acs = "https://app.bench.example/sso/saml/callback"
    static let spEntityID = "https://app.bench.example/saml/metadata"

    let organization: SsoOrganization
    let idp: TestSAMLIdentityProvider
    let domain: String
    /// Times every call the engine makes to its stores.
    let timer: StoreTimer

    /// An organization and connection of this process alone, so processes sharing a PostgreSQL
    /// server never claim the same domain.
    static func prepare(on stores: SsoStores) async throws -> SAMLCallbackWorkload {
        let timer = StoreTimer()
        let environment = SsoTestEnvironment(stores: TimedStores.wrap(stores, timer))
        let token = Keys.process
        let metadataURL = "https://metadata.bench.example/\(token).xml"
        let idp = try environment.addSAMLIdentityProvider(
            entityID: "https://idp.bench.example/\(token)", ssoURL: "https://idp.bench.example/sso",
            metadataURL: metadataURL)
        let organization = try environment.engine.organization("org_bench_saml_\(token)")
        let domain = "\(token).saml.bench.example"
        _ = try await organization.createConnection(
            .saml(
                name: "Bench IdP", metadata: .url(metadataURL), assertionConsumerServiceURL: acs, entityID: spEntityID,
                domains: [domain], jitProvisioning: true, defaultRole: "member"))
        return SAMLCallbackWorkload(organization: organization, idp: idp, domain: domain, timer: timer)
    }

    /// A fresh login of user `caller`: started at the engine (a pending login is stored) and
    /// answered by the IdP with a newly signed response. Not part of the measured callback.
    func startLogin(_ caller: Int) async throws -> TestSAMLIdentityProvider.Post {
        let email = "user\(caller)@\(domain)"
        let login = try await organization.getLoginURL(domain: email)
        return try idp.respond(
            to: login, as: TestSAMLUser.entraStyle(email: email, givenName: "User", surname: "\(caller)"))
    }

    /// The measured part: the engine handles the posted response (take the pending login, read
    /// the connection, validate, record the assertion id, link the user, create the session).
    func callback(_ post: TestSAMLIdentityProvider.Post) async throws {
        let result = try await organization.handleSamlCallback(
            samlResponse: post.samlResponse, relayState: post.relayState)
        guard result.sessionID != nil else { throw BenchmarkFailure("a SAML callback created no session") }
    }
}
