import Foundation
import Sso
import SsoTesting
import Testing

/// Counts the connection store's reads, to hold the engine to reading a connection record
/// once per callback.
private final class CountingConnectionStore: SsoConnectionStore, @unchecked Sendable {
    let inner = InMemoryConnectionStore()
    private let lock = NSLock()
    private var reads = 0

    var readCount: Int { lock.withLock { reads } }
    func resetReads() { lock.withLock { reads = 0 } }
    private func counted() { lock.withLock { reads += 1 } }

    func insert(_ record: SsoConnectionRecord, limitPerOrganization limit: Int?) async throws {
        try await inner.insert(record, limitPerOrganization: limit)
    }
    func replace(_ record: SsoConnectionRecord) async throws -> Bool { try await inner.replace(record) }
    func connection(id: String) async throws -> SsoConnectionRecord? {
        counted()
        return await inner.connection(id: id)
    }
    func connections(organizationID: String) async throws -> [SsoConnectionRecord] {
        await inner.connections(organizationID: organizationID)
    }
    func remove(id: String, organizationID: String) async throws -> SsoConnectionRecord? {
        await inner.remove(id: id, organizationID: organizationID)
    }
    func route(_ domain: DomainName) async throws -> SsoConnectionRecord? { await inner.route(domain) }
}

@Suite struct ConnectionReadCountTests {
    /// Before the flow redesign one SAML callback read the same record four times.
    @Test func oneSAMLCallbackReadsItsConnectionOnce() async throws {
        let store = CountingConnectionStore()
        let env = SsoTestEnvironment(stores: SsoStores(connections: store))
        let org = try env.engine.organization("org_acme")
        let (_, idp) = try await Flow.saml(env, org, Flow.entra)
        let email = "bob@\(Flow.entra.domain)"
        let post = try idp.respond(to: try await org.getLoginURL(domain: email), as: Flow.entra.user(email))
        store.resetReads()
        _ = try await org.handleSamlCallback(samlResponse: post.samlResponse, relayState: post.relayState)
        #expect(store.readCount == 1)
    }

    @Test func oneOIDCCallbackReadsItsConnectionOnce() async throws {
        let store = CountingConnectionStore()
        let env = SsoTestEnvironment(stores: SsoStores(connections: store))
        let org = try env.engine.organization("org_acme")
        let (_, provider) = try await Flow.oidc(env, org, Flow.okta)
        let redirect = try provider.authorize(
            try await org.getLoginURL(domain: Flow.okta.domain), as: Flow.user(Flow.okta))
        store.resetReads()
        _ = try await env.engine.handleOidcCallback(code: redirect.code, state: redirect.state)
        #expect(store.readCount == 1)
    }
}
