import Foundation
@testable import Sso
import Testing

/// Every way a value can be turned into text, for checking that no secret shows.
func renderings(_ value: Any) -> [String] {
    var dumped = ""
    dump(value, to: &dumped)
    return [String(describing: value), String(reflecting: value), "\(value)", dumped]
}

func jsonText<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}

@Suite struct SecretRedactionTests {
    func expectNoSecret(_ texts: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        for text in texts {
            for secret in Samples.secrets {
                #expect(!text.contains(secret), "secret leaked in: \(text.prefix(200))", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func paramsNeverShowSecrets() throws {
        let updates = [
            UpdateSsoConnectionParams(
                name: "x", settings: .oidc(OIDCSettingsPatch(clientSecret: Secret(Samples.clientSecret)))),
            UpdateSsoConnectionParams(
                name: "x", settings: .ldap(LDAPSettingsPatch(bindPassword: Secret(Samples.bindPassword)))),
        ]
        let config = CreateSsoConfigParams(
            issuerURL: "https://a.example", clientID: "c", clientSecret: Secret(Samples.configSecret),
            redirectURI: "https://a.example/cb")
        for params in [Samples.oidc(), Samples.ldap()] {
            expectNoSecret(renderings(params) + [try jsonText(params)])
        }
        for update in updates {
            expectNoSecret(renderings(update) + [try jsonText(update)])
        }
        for settings in [Samples.oidc().settings, Samples.ldap().settings] {
            expectNoSecret(renderings(settings) + [try jsonText(settings)])
        }
        expectNoSecret(renderings(config) + [try jsonText(config)])
        // Write-only: the JSON shows the field redacted, and decoding still reads a real value.
        #expect(try jsonText(Samples.oidc()).contains(#""client_secret":"<redacted>""#))
        let decoded = try JSONDecoder().decode(
            CreateSsoConnectionParams.self,
            from: Data(
                #"{"name":"n","protocol":"oidc","issuer_url":"https://a.example","client_id":"c","client_secret":"abc"}"#
                    .utf8))
        guard case .oidc(let settings) = decoded.settings else { throw SsoError("test", "not oidc") }
        #expect(settings.clientSecret == Secret("abc"))
        #expect(decoded.domains.isEmpty && decoded.jitProvisioning == false)
    }

    @Test func callbackParamsNeverShowCredentials() throws {
        let oidc = SsoOidcCallbackParams(code: Secret(Samples.clientSecret), state: "state")
        let ldap = SsoLdapCallbackParams(
            username: "alice", password: Secret(Samples.bindPassword), connectionID: "sso_conn_x")
        expectNoSecret(renderings(oidc) + [try jsonText(oidc)])
        expectNoSecret(renderings(ldap) + [try jsonText(ldap)])
        let decoded = try JSONDecoder().decode(
            SsoLdapCallbackParams.self, from: Data(#"{"username":"a","password":"pw","connection_id":"c"}"#.utf8))
        #expect(decoded.password == Secret("pw"))
    }

    @Test func resultsAndRecordsNeverShowSecrets() async throws {
        let t = TestEngine()
        let org = try t.org()
        let oidc = try await org.createConnection(Samples.oidc())
        let ldap = try await org.createConnection(Samples.ldap())
        var rotate = UpdateSsoConnectionParams()
        rotate.settings = .ldap(LDAPSettingsPatch(bindPassword: Secret(Samples.bindPassword)))
        let updated = try await org.updateConnection(ldap.id, rotate)
        let config = try await org.createConfig(
            .init(
                issuerURL: "https://a.example", clientID: "c", clientSecret: Secret(Samples.configSecret),
                redirectURI: "https://a.example/cb"))
        let list = try await org.listConnections()
        let records: [Any] = [
            try await org.connectionRecord(oidc.id), try await org.connectionRecord(ldap.id),
            try await org.configRecord(),
            SsoPendingLogin.sampleOIDC(
                organizationID: "o", connectionID: nil, codeVerifier: Secret(Samples.clientSecret),
                createdAt: t.clock.now),
        ]
        for value in [oidc, ldap, updated] {
            expectNoSecret(renderings(value) + [try jsonText(value)])
        }
        expectNoSecret(renderings(list) + [try jsonText(list)])
        expectNoSecret(renderings(config) + [try jsonText(config)])
        for record in records { expectNoSecret(renderings(record)) }
        expectNoSecret([t.logs.all])
        #expect(!t.logs.all.isEmpty)
        #expect(!(try jsonText(oidc)).contains("client_secret"))
        #expect(!(try jsonText(ldap)).contains("bind_password"))
    }

    @Test func errorsNeverShowSecrets() async throws {
        let org = try TestEngine().org()
        // A foreign secret field in the reference JSON, and a secret the validator refuses.
        let foreign = { try Samples.flat(Samples.oidc()) { $0["bind_password"] = Samples.bindPassword } }
        var nul = Samples.ldap()
        nul.editLDAP { $0.bindPassword = Secret(Samples.bindPassword + "\u{0}") }
        for bad in [foreign, { nul }] {
            let error = await thrownError { try await org.createConnection(try bad()) }
            #expect(error != nil)
            if let error { expectNoSecret(renderings(error) + [error.detailedDescription()]) }
        }
    }
}
