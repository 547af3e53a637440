import Foundation
import Sso
import Testing

/// The stored form of the settings (what a durable store persists with
/// `SsoConnectionRecord.schemaVersion`) and the reference JSON adapter's own refusals.
@Suite struct ConnectionSettingsCodingTests {
    static func signedSAML() -> SsoConnectionSettings {
        .saml(
            SAMLConnectionSettings(
                metadata: .url("https://idp.example/md"), assertionConsumerServiceURL: "https://app.example/acs",
                entityID: "https://app.example/sp",
                attributeMapping: ["name": "displayName", "email": "mail", "groups": "memberOf"],
                allowUnsolicited: true,
                requestSigning: SAMLRequestSigning(key: Secret("sp-key-CANARY"), certificatePEM: "CERT")))
    }

    static var all: [SsoConnectionSettings] {
        [Samples.oidc().settings, Samples.saml().settings, signedSAML(), Samples.ldap().settings]
    }

    static func encode(_ settings: SsoConnectionSettings, secrets: Bool) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        if secrets { encoder.userInfo[.ssoIncludeSecrets] = true }
        return try encoder.encode(settings)
    }

    @Test func settingsRoundTripWithTheOptIn() throws {
        #expect(SsoConnectionRecord.schemaVersion == 1)
        for settings in Self.all {
            let data = try Self.encode(settings, secrets: true)
            #expect(try JSONDecoder().decode(SsoConnectionSettings.self, from: data) == settings)
            // Deterministic (with sorted keys): the same bytes every time.
            let again = try Self.encode(settings, secrets: true)
            #expect(
                again == data, "\(String(decoding: data, as: UTF8.self)) vs \(String(decoding: again, as: UTF8.self))")
        }
        let text = String(decoding: try Self.encode(Self.signedSAML(), secrets: true), as: UTF8.self)
        #expect(text.contains(#""attribute_mapping":{"email":"mail","groups":"memberOf","name":"displayName"}"#))
        #expect(text.contains(#""protocol":"saml""#))
        #expect(text.contains("sp-key-CANARY"))
    }

    @Test func secretsAreRedactedWithoutTheOptIn() throws {
        for settings in Self.all {
            let text = String(decoding: try Self.encode(settings, secrets: false), as: UTF8.self)
            for secret in Samples.secrets + ["sp-key-CANARY"] { #expect(!text.contains(secret)) }
            let decoded = try JSONDecoder().decode(SsoConnectionSettings.self, from: Data(text.utf8))
            switch decoded {
            case .oidc(let oidc): #expect(oidc.clientSecret == Secret("<redacted>"))
            case .ldap(let ldap): #expect(ldap.bindPassword == Secret("<redacted>"))
            case .saml(let saml):
                #expect(saml.requestSigning?.key == Secret("<redacted>") || saml.requestSigning == nil)
            }
        }
        // Each protocol's settings code on their own too.
        guard case .ldap(let ldap) = Samples.ldap().settings else { throw SsoError("test", "not ldap") }
        let encoder = JSONEncoder()
        encoder.userInfo[.ssoIncludeSecrets] = true
        #expect(try JSONDecoder().decode(LDAPConnectionSettings.self, from: encoder.encode(ldap)) == ldap)
    }

    static func update(_ json: String) -> SsoError? {
        do {
            _ = try JSONDecoder().decode(UpdateSsoConnectionParams.self, from: Data(json.utf8))
            return nil
        } catch {
            return error as? SsoError
        }
    }

    @Test func flatUpdatesAreRefusedAsBefore() throws {
        #expect(
            Self.update(#"{"issuer_url":"https://a.example","bind_dn":"cn=x,dc=y"}"#)?.message
                == "bind_dn: is not used by oidc connections")
        #expect(
            Self.update(#"{"metadata_url":"https://a.example/md","metadata_xml":"<x/>"}"#)?.message.hasPrefix(
                "metadata_xml: give metadata_url or metadata_xml, not both") == true)
        #expect(
            Self.update(#"{"tls_mode":"plain"}"#)?.message.hasPrefix("tls_mode: plain sends passwords in clear") == true
        )
        #expect(Self.update(#"{"tls_mode":"plain","allow_plaintext":true}"#) == nil)
        let update = try JSONDecoder().decode(
            UpdateSsoConnectionParams.self,
            from: Data(#"{"metadata_url":"https://a.example/md","status":"inactive"}"#.utf8))
        #expect(update.status == .inactive)
        #expect(try jsonText(update) == #"{"metadata_url":"https:\/\/a.example\/md","status":"inactive"}"#)
    }

    @Test func aPatchOfAnotherProtocolNamesItsFirstField() async throws {
        let org = try TestEngine().org()
        let saml = try await org.createConnection(Samples.saml())
        let patch = UpdateSsoConnectionParams(
            settings: .ldap(LDAPSettingsPatch(userFilter: "(a=b)", requireGroup: true)))
        let error = await thrownError { try await org.updateConnection(saml.id, patch) }
        #expect(error?.code == .connectionInvalidParams)
        #expect(error?.message == "user_filter: is not used by saml connections")
        // A certificate patch alone meets no stored key.
        let certOnly = UpdateSsoConnectionParams(
            settings: .saml(SAMLSettingsPatch(requestSigningCertificatePEM: "CERT")))
        #expect(
            await thrownError { try await org.updateConnection(saml.id, certOnly) }?.message.hasPrefix(
                "sp_signing_key_pem:") == true)
    }

    @Test func typedSettingsAreValidatedWithTheSameMessages() async throws {
        let org = try TestEngine().org()
        var oidc = Samples.oidc()
        oidc.editOIDC { $0.clientSecret = Secret("") }
        #expect(
            await thrownError { try await org.createConnection(oidc) }?.message == "client_secret: must not be empty")
        var ldap = Samples.ldap()
        ldap.editLDAP { $0.tlsMode = .plain }
        #expect(
            await thrownError { try await org.createConnection(ldap) }?.message
                == "tls_mode: plain needs an ldap:// server_url")
        var saml = Samples.saml()
        saml.editSAML { $0.metadata = .xml("<html/>") }
        #expect(await thrownError { try await org.createConnection(saml) }?.message.hasPrefix("metadata_xml:") == true)
        #expect(try await org.listConnections().connections.isEmpty)
    }
}
