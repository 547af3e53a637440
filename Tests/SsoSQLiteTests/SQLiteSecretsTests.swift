import Foundation
import Sso
import SsoSQLite
import SsoStorage
import SsoTestSupport
import SsoTesting
import Testing

/// Secrets at rest: sealed under the host's key, never in clear in the file, rotatable, and a
/// missing or wrong key is an error at open.
@Suite struct SQLiteSecretsTests {
    static let clientSecret = "client-secret-7f3a9c-CLEAR"
    static let legacySecret = "legacy-secret-51be02-CLEAR"

    func fill(_ store: SsoSQLiteStore) async throws -> String {
        let org = try SsoEngine(stores: store.stores).organization("org_acme")
        let connection = try await org.createConnection(
            .oidc(
                name: "Okta", issuerURL: "https://acme.okta.test", clientID: "client-1",
                clientSecret: Secret(Self.clientSecret), domains: ["acme.example"], jitProvisioning: true,
                defaultRole: nil))
        _ = try await org.createConfig(
            CreateSsoConfigParams(
                issuerURL: "https://legacy.okta.test", clientID: "legacy", clientSecret: Secret(Self.legacySecret),
                redirectURI: "https://app.example.com/cb"))
        return connection.id
    }

    @Test func theFileHoldsNoSecretInClear() async throws {
        let file = try SQLiteTestFile()
        defer { file.remove() }
        let store = try await SsoSQLiteStore.open(path: file.path, keyring: try SQLiteTestFile.keyring())
        let id = try await fill(store)
        let bytes = try file.allBytes()
        for secret in [Self.clientSecret, Self.legacySecret] {
            #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(secret) is in the file in clear")
        }
        #expect(bytes.range(of: Data("sso-sealed.v1.".utf8)) != nil)
        let record = try #require(try await store.stores.connections.connection(id: id))
        guard case .oidc(let settings) = record.settings else { throw SsoError("test.wrong_protocol", "not OIDC") }
        #expect(settings.clientSecret.unsafeValue == Self.clientSecret)
        await store.close()
    }

    @Test func aMissingOrWrongKeyIsAnErrorAtOpen() async throws {
        let file = try SQLiteTestFile()
        defer { file.remove() }
        let store = try await SsoSQLiteStore.open(path: file.path, keyring: try SQLiteTestFile.keyring(1))
        _ = try await fill(store)
        await store.close()
        #expect(
            await errorCode { try await SsoSQLiteStore.open(path: file.path, keyring: try SQLiteTestFile.keyring(2)) }
                == .storeSecretsKeyMissing)
        #expect(errorCode { try SsoSecretsKeyring(current: Array(repeating: 1, count: 16)) } == .storeSecretsKeyInvalid)
        #expect(errorCode { try SsoSecretsKeyring(base64Current: "not base64!") } == .storeSecretsKeyInvalid)
    }

    @Test func rotationResealsEverythingUnderTheNewKey() async throws {
        let file = try SQLiteTestFile()
        defer { file.remove() }
        let old = try await SsoSQLiteStore.open(path: file.path, keyring: try SQLiteTestFile.keyring(1))
        let id = try await fill(old)
        await old.close()

        // The new key seals, the old one still opens until the rotation re-sealed everything.
        let rotating = try await SsoSQLiteStore.open(
            path: file.path, keyring: try SQLiteTestFile.keyring(2, previous: [1]))
        #expect(try await rotating.rotateSecrets() == 2)
        await rotating.close()

        let fresh = try await SsoSQLiteStore.open(path: file.path, keyring: try SQLiteTestFile.keyring(2))
        let record = try #require(try await fresh.stores.connections.connection(id: id))
        guard case .oidc(let settings) = record.settings else { throw SsoError("test.wrong_protocol", "not OIDC") }
        #expect(settings.clientSecret.unsafeValue == Self.clientSecret)
        let config = try #require(try await fresh.stores.organizations.config(organizationID: "org_acme"))
        #expect(config.clientSecret.unsafeValue == Self.legacySecret)
        await fresh.close()
        #expect(
            await errorCode { try await SsoSQLiteStore.open(path: file.path, keyring: try SQLiteTestFile.keyring(1)) }
                == .storeSecretsKeyMissing)
    }

    @Test func aCiphertextMovedToAnotherRowDoesNotOpen() throws {
        let keyring = try SQLiteTestFile.keyring()
        let sealed = try keyring.sealer(context: "connection:sso_conn_a").seal("secret")
        #expect(try keyring.sealer(context: "connection:sso_conn_a").open(sealed) == "secret")
        #expect(
            errorCode { try keyring.sealer(context: "connection:sso_conn_b").open(sealed) } == .storeSecretUnreadable)
        var tampered = Array(sealed.utf8)
        tampered[tampered.count - 3] =
            tampered[tampered.count - 3] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        #expect(
            errorCode {
                try keyring.sealer(context: "connection:sso_conn_a").open(String(decoding: tampered, as: UTF8.self))
            }
                == .storeSecretUnreadable)
        #expect(errorCode { try keyring.sealer(context: "x").open("plain") } == .storeSecretUnreadable)
    }
}
