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
        engine = SsoEngine(settings: settings, stores: stores, clock: clock, random: SeededRandomSource(), logger: logs.logger)
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
            name: "Azure AD SAML", metadataXML: metadataXML,
            assertionConsumerServiceURL: "https://yourapp.com/sso/saml/callback",
            entityID: "https://yourapp.com/saml/metadata", domains: domains, jitProvisioning: true,
            attributeMapping: ["email": "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress"]
        )
    }

    static func ldap(domains: [String] = ["corp.example"]) -> CreateSsoConnectionParams {
        var params = CreateSsoConnectionParams.ldap(
            name: "OpenLDAP", serverURL: "ldaps://ldap.corp.example", bindDN: "cn=svc,dc=corp,dc=example",
            bindPassword: Secret(bindPassword), userSearchBase: "ou=people,dc=corp,dc=example", domains: domains,
            jitProvisioning: true, defaultRole: "member"
        )
        params.groupMapping = ["cn=admins,ou=groups,dc=corp,dc=example": ["admin", "read"]]
        params.groupSearchBase = "ou=groups,dc=corp,dc=example"
        params.groupMode = .groupSearch
        return params
    }
}

/// The code of the error `body` throws, or `nil` when it succeeds.
func errorCode<T>(_ body: () async throws -> T) async -> SsoError.Code? {
    await thrownError(body)?.code
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
