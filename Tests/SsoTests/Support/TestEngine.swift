@_exported import SsoTestSupport
import Foundation
import Logging
import Sso
import SsoTesting

/// A deterministic random source for tests (SplitMix64).
final class SeededRandomSource: RandomSource {
    private let state: LockedValue<UInt64>

    init(seed: UInt64 = 42) {
        state = LockedValue(seed)
    }

    func bytes(_ count: Int) -> [UInt8] {
        state.withLock { state in
            (0..<count).map { _ in
                state &+= 0x9E37_79B9_7F4A_7C15
                var z = state
                z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
                z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
                return UInt8(truncatingIfNeeded: z ^ (z >> 31))
            }
        }
    }
}

/// Collects every log line and its metadata, to prove secrets never reach a logger.
struct CapturingLogHandler: LogHandler {
    let sink: LogSink
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let line = "\(event.message) \(event.metadata ?? [:]) \(metadata)"
        sink.lines.withLock { $0.append(line) }
    }
}

final class LogSink: Sendable {
    let lines = LockedValue<[String]>([])
    var logger: Logger {
        Logger(label: "test") { _ in CapturingLogHandler(sink: self) }
    }
    var all: String { lines.withLock { $0.joined(separator: "\n") } }
}

/// An engine on a fixed clock with seeded randomness.
struct TestEngine {
    static let start = Date(timeIntervalSince1970: 1_774_785_600)  // 2026-03-29T12:00:00Z
    let clock = TestClock(TestEngine.start)
    let logs = LogSink()
    let engine: SsoEngine

    init(settings: SsoEngine.Settings = .init(), stores: SsoStores = SsoStores()) {
        engine = SsoEngine(
            settings: settings, stores: stores, clock: clock, random: SeededRandomSource(), logger: logs.logger)
    }

    func org(_ id: String = "org_acme") throws -> SsoOrganization {
        try engine.organization(id)
    }
}

enum Samples {
    static let clientSecret = "oidc-client-secret-CANARY-1"
    static let bindPassword = "ldap-bind-password-CANARY-2"
    static let configSecret = "legacy-config-secret-CANARY-3"
    static let secrets = [clientSecret, bindPassword, configSecret]

    static let metadataXML = """
        <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp.contoso.example/saml">
          <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
            <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.contoso.example/sso"/>
          </md:IDPSSODescriptor>
        </md:EntityDescriptor>
        """

    static func oidc(domains: [String] = ["mycompany.com"], jit: Bool = true) -> CreateSsoConnectionParams {
        .oidc(
            name: "Okta Production", issuerURL: "https://mycompany.okta.com", clientID: "okta-client-id",
            clientSecret: Secret(clientSecret), domains: domains, jitProvisioning: jit, defaultRole: "member"
        )
    }

    static func saml(domains: [String] = ["contoso.com"]) -> CreateSsoConnectionParams {
        .saml(
            name: "Azure AD SAML", metadata: .xml(metadataXML),
            assertionConsumerServiceURL: "https://yourapp.com/sso/saml/callback",
            entityID: "https://yourapp.com/saml/metadata", domains: domains, jitProvisioning: true,
            attributeMapping: ["email": "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress"]
        )
    }

    static func ldap(domains: [String] = ["corp.example"]) -> CreateSsoConnectionParams {
        let settings = LDAPConnectionSettings(
            serverURL: "ldaps://ldap.corp.example", bindDN: "cn=svc,dc=corp,dc=example",
            bindPassword: Secret(bindPassword),
            userSearchBase: "ou=people,dc=corp,dc=example", groupSearchBase: "ou=groups,dc=corp,dc=example",
            groupMode: .groupSearch, groupMapping: ["cn=admins,ou=groups,dc=corp,dc=example": ["admin", "read"]])
        return CreateSsoConnectionParams(
            name: "OpenLDAP", settings: .ldap(settings), domains: domains, jitProvisioning: true, defaultRole: "member")
    }

    /// `params` in the reference's flat JSON form, secrets included.
    static func json(_ params: CreateSsoConnectionParams) -> [String: Any] {
        let encoder = JSONEncoder()
        encoder.userInfo[.ssoIncludeSecrets] = true
        guard let data = try? encoder.encode(params) else { return [:] }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
    }

    /// Create parameters decoded from the reference's flat JSON `object`.
    static func decode(_ object: [String: Any]) throws -> CreateSsoConnectionParams {
        try JSONDecoder().decode(CreateSsoConnectionParams.self, from: JSONSerialization.data(withJSONObject: object))
    }

    /// `params` through the flat JSON, changed by `change` on the way.
    static func flat(_ params: CreateSsoConnectionParams, _ change: (inout [String: Any]) -> Void) throws
        -> CreateSsoConnectionParams
    {
        var object = json(params)
        change(&object)
        return try decode(object)
    }
}

extension CreateSsoConnectionParams {
    /// Changes the OIDC settings (nothing for another protocol).
    mutating func editOIDC(_ change: (inout OIDCConnectionSettings) -> Void) {
        if case .oidc(var s) = settings { change(&s); settings = .oidc(s) }
    }

    /// Changes the SAML settings (nothing for another protocol).
    mutating func editSAML(_ change: (inout SAMLConnectionSettings) -> Void) {
        if case .saml(var s) = settings { change(&s); settings = .saml(s) }
    }

    /// Changes the LDAP settings (nothing for another protocol).
    mutating func editLDAP(_ change: (inout LDAPConnectionSettings) -> Void) {
        if case .ldap(var s) = settings { change(&s); settings = .ldap(s) }
    }
}

/// The error `body` throws, or `nil` when it succeeds.
func thrownError<T>(_ body: () async throws -> T) async -> SsoError? {
    do {
        _ = try await body()
        return nil
    } catch let error as SsoError {
        return error
    } catch {
        return SsoError("test.unexpected_error", "\(error)")
    }
}
