import Foundation
@testable import Sso
import Testing

@Suite struct LegacyConfigTests {
    let params = CreateSsoConfigParams(
        issuerURL: "https://accounts.google.com", clientID: "your-oidc-client-id",
        clientSecret: Secret(Samples.configSecret),
        redirectURI: "https://myapp.com/sso/callback"
    )

    @Test func createGetReplaceDelete() async throws {
        let t = TestEngine()
        let org = try t.org()
        #expect(await errorCode { try await org.getConfig() } == .configNotFound)
        let created = try await org.createConfig(params)
        #expect(created.issuerURL == "https://accounts.google.com")
        #expect(created.clientID == "your-oidc-client-id")
        #expect(created.redirectURI == "https://myapp.com/sso/callback")
        #expect(created.createdAt == TestEngine.start)
        #expect(try await org.getConfig() == created)
        t.clock.advance(by: 30)
        var changed = params
        changed.clientID = "new-id"
        let replaced = try await org.createConfig(changed)
        #expect(replaced.createdAt == TestEngine.start)
        #expect(replaced.updatedAt == TestEngine.start.addingTimeInterval(30))
        #expect(replaced.clientID == "new-id")
        #expect(try await org.configRecord().clientSecret == Secret(Samples.configSecret))
        try await org.deleteConfig()
        #expect(await errorCode { try await org.getConfig() } == .configNotFound)
        #expect(await errorCode { try await org.deleteConfig() } == .configNotFound)
    }

    @Test(arguments: [
        (
            "issuer_url",
            CreateSsoConfigParams(
                issuerURL: "http://accounts.google.com", clientID: "c", clientSecret: Secret("s"),
                redirectURI: "https://a.example/cb")
        ),
        (
            "client_id",
            CreateSsoConfigParams(
                issuerURL: "https://accounts.google.com", clientID: " ", clientSecret: Secret("s"),
                redirectURI: "https://a.example/cb")
        ),
        (
            "client_secret",
            CreateSsoConfigParams(
                issuerURL: "https://accounts.google.com", clientID: "c", clientSecret: Secret(""),
                redirectURI: "https://a.example/cb")
        ),
        (
            "redirect_uri",
            CreateSsoConfigParams(
                issuerURL: "https://accounts.google.com", clientID: "c", clientSecret: Secret("s"), redirectURI: "/cb")
        ),
    ])
    func invalidParamsNameTheField(_ field: String, _ bad: CreateSsoConfigParams) async throws {
        let org = try TestEngine().org()
        let error = await thrownError { try await org.createConfig(bad) }
        #expect(error?.code == .configInvalidParams)
        #expect(error?.message.hasPrefix("\(field):") == true)
        #expect(await errorCode { try await org.getConfig() } == .configNotFound)
    }

    @Test func replacingOrDeletingDiscardsPendingLegacyLogins() async throws {
        let t = TestEngine()
        let org = try t.org()
        _ = try await org.createConfig(params)
        try await org.savePendingLogin(
            SsoPendingLogin.sampleOIDC(organizationID: org.id, connectionID: nil, createdAt: t.clock.now),
            key: "legacy-1")
        _ = try await org.createConfig(params)
        #expect(await errorCode { try await org.takePendingLogin(key: "legacy-1") } == .loginInvalidState)
        try await org.savePendingLogin(
            SsoPendingLogin.sampleOIDC(organizationID: org.id, connectionID: nil, createdAt: t.clock.now),
            key: "legacy-2")
        try await org.deleteConfig()
        #expect(await errorCode { try await org.takePendingLogin(key: "legacy-2") } == .loginInvalidState)
    }

    @Test func configJSONUsesReferenceKeys() async throws {
        let created = try await TestEngine().org().createConfig(params)
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(created)) as? [String: String]
        #expect(json?.keys.sorted() == ["client_id", "created_at", "issuer_url", "redirect_uri", "updated_at"])
    }
}
