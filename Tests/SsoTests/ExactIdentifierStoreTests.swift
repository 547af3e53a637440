import Foundation
import Sso
import Testing

/// Subjects, issuers and organization ids that differ from another only by Unicode canonical
/// equivalence name someone else: a user at the IdP called `\u{212A}evin` (KELVIN SIGN) must not
/// log in as the linked user `Kevin`, and organization `acme-K` must not read `acme-\u{212A}`.
@Suite("Engine stores key identifiers by their bytes")
struct ExactIdentifierStoreTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func user(id: String, subject: String, issuer: String = "https://idp.example.com/K") -> SsoUser {
        SsoUser(
            id: id, organizationID: "org-K", connectionID: "conn-1", subject: subject, email: nil, name: nil,
            role: nil, provisioned: true, createdAt: now, issuer: issuer)
    }

    @Test("a canonically equivalent subject or issuer is another user")
    func userDirectory() async throws {
        let directory = InMemoryUserDirectory()
        #expect(await directory.insertIfAbsent(Self.user(id: "u1", subject: "Kevin")).inserted)
        #expect("Kevin" == "\u{212A}evin")
        let lookAlike = await directory.insertIfAbsent(Self.user(id: "u2", subject: "\u{212A}evin"))
        #expect(lookAlike.inserted)
        #expect(lookAlike.user.id == "u2")
        #expect(await directory.user(connectionID: "conn-1", subject: "\u{212A}evin")?.id == "u2")
        #expect(
            try await directory.user(
                connectionID: "conn-1", issuer: "https://idp.example.com/\u{212A}", subject: "Kevin") == nil)
        #expect(
            try await directory.user(connectionID: "conn-1", issuer: "https://idp.example.com/K", subject: "Kevin")?.id
                == "u1")
        #expect(await directory.users(organizationID: "org-\u{212A}").isEmpty)
    }

    @Test("organization settings are not shared with a canonically equivalent organization id")
    func organizationStore() async throws {
        let store = InMemoryOrganizationStore()
        await store.setEnforcement(SsoEnforcement(enforced: true), organizationID: "acme-K")
        #expect(await store.enforcement(organizationID: "acme-K")?.enforced == true)
        #expect(await store.enforcement(organizationID: "acme-\u{212A}") == nil)
    }

    @Test("the engine's organization handles stay apart")
    func engineOrganizations() async throws {
        let engine = SsoEngine()
        _ = try await engine.organization("acme-K").setEnforcement(SsoEnforcementParams(enforced: true))
        #expect(try await engine.organization("acme-K").getEnforcement().enforced)
        #expect(try await !engine.organization("acme-\u{212A}").getEnforcement().enforced)
    }
}
