import Foundation
import SsoOIDC
import SsoTesting
import Testing

@Suite("Discovery")
struct DiscoveryTests {
    static let issuer = "https://idp.example.test"

    static func document(_ changes: [String: JSONValue?] = [:]) -> [UInt8] {
        var members: [String: JSONValue] = [
            "issuer": .string(issuer),
            "authorization_endpoint": .string(issuer + "/authorize"),
            "token_endpoint": .string(issuer + "/token"),
            "jwks_uri": .string(issuer + "/jwks"),
            "response_types_supported": .array([.string("code")]),
            "subject_types_supported": .array([.string("public")]),
            "id_token_signing_alg_values_supported": .array([.string("RS256")]),
        ]
        for (name, value) in changes { members[name] = value }
        return Array(JSONValue.object(members).serialized().utf8)
    }

    @Test("a complete document parses")
    func parsesValidDocument() throws {
        let metadata = try ProviderMetadata.parse(Self.document(), configuredIssuer: Self.issuer)
        #expect(metadata.issuer == Self.issuer)
        #expect(metadata.jwksURI == Self.issuer + "/jwks")
        #expect(metadata.tokenEndpointAuthMethodsSupported == ["client_secret_basic"])
        #expect(metadata.userinfoEndpoint == nil)
    }

    @Test("the issuer must match exactly")
    func issuerExactMatch() async {
        await expectSsoError(.oidcDiscoveryIssuerMismatch) {
            try ProviderMetadata.parse(Self.document(), configuredIssuer: Self.issuer + "/")
        }
        await expectSsoError(.oidcDiscoveryIssuerMismatch) {
            try ProviderMetadata.parse(Self.document(), configuredIssuer: "https://IDP.example.test")
        }
    }

    @Test("trailing-slash tolerance only when configured")
    func trailingSlashOption() throws {
        let options = DiscoveryOptions(unsafeIgnoreIssuerTrailingSlash: true)
        let metadata = try ProviderMetadata.parse(
            Self.document(), configuredIssuer: Self.issuer + "/", options: options)
        #expect(metadata.issuer == Self.issuer)
    }

    @Test(
        "required members",
        arguments: [
            "issuer", "authorization_endpoint", "token_endpoint", "jwks_uri", "response_types_supported",
            "subject_types_supported", "id_token_signing_alg_values_supported",
        ])
    func requiredMembers(name: String) async {
        let code: SsoError.Code = .oidcDiscoveryMissingField
        await expectSsoError(code) {
            try ProviderMetadata.parse(Self.document([name: JSONValue?.none]), configuredIssuer: Self.issuer)
        }
    }

    @Test("wrong member types are rejected")
    func wrongTypes() async {
        await expectSsoError(.oidcDiscoveryInvalidField) {
            try ProviderMetadata.parse(Self.document(["jwks_uri": .number(1)]), configuredIssuer: Self.issuer)
        }
        await expectSsoError(.oidcDiscoveryInvalidField) {
            try ProviderMetadata.parse(
                Self.document(["response_types_supported": .string("code")]),
                configuredIssuer: Self.issuer)
        }
    }

    @Test("endpoints must be https, except on loopback hosts")
    func httpsEndpoints() async throws {
        await expectSsoError(.oidcDiscoveryInsecureURL) {
            try ProviderMetadata.parse(
                Self.document(["token_endpoint": .string("http://idp.example.test/token")]),
                configuredIssuer: Self.issuer)
        }
        await expectSsoError(.oidcDiscoveryInvalidURL) {
            try ProviderMetadata.parse(
                Self.document(["jwks_uri": .string("ftp://idp.example.test/jwks")]),
                configuredIssuer: Self.issuer)
        }
        await expectSsoError(.oidcDiscoveryInvalidURL) {
            try ProviderMetadata.parse(Self.document(["jwks_uri": .string("/jwks")]), configuredIssuer: Self.issuer)
        }
        await expectSsoError(.oidcDiscoveryInvalidURL) {
            try ProviderMetadata.parse(
                Self.document(["token_endpoint": .string("https://idp.example.test/t#frag")]),
                configuredIssuer: Self.issuer)
        }
        let local = "http://127.0.0.1:8080"
        let loopback = try ProviderMetadata.parse(
            Self.document([
                "issuer": .string(local), "authorization_endpoint": .string(local + "/a"),
                "token_endpoint": .string("http://localhost:8080/t"), "jwks_uri": .string("http://[::1]:8080/k"),
            ]), configuredIssuer: local)
        #expect(loopback.tokenEndpoint == "http://localhost:8080/t")
    }

    @Test("the code flow must be supported")
    func codeFlowRequired() async {
        await expectSsoError(.oidcDiscoveryCodeFlowUnsupported) {
            try ProviderMetadata.parse(
                Self.document(["response_types_supported": .array([.string("id_token")])]),
                configuredIssuer: Self.issuer)
        }
    }

    @Test("a document advertising no signature algorithm is rejected; ES256 alone is enough")
    func signingAlgorithmsMustIncludeOne() async throws {
        for algorithms in [["none"], [], ["none", "XYZ256"]] {
            await expectSsoError(.oidcDiscoveryInvalidField) {
                try ProviderMetadata.parse(
                    Self.document(["id_token_signing_alg_values_supported": .array(algorithms.map { .string($0) })]),
                    configuredIssuer: Self.issuer)
            }
        }
        let metadata = try ProviderMetadata.parse(
            Self.document(["id_token_signing_alg_values_supported": .array([.string("none"), .string("ES256")])]),
            configuredIssuer: Self.issuer)
        #expect(metadata.idTokenSigningAlgValuesSupported == ["none", "ES256"])
    }

    @Test("malformed, duplicate-member and oversize documents are rejected")
    func malformedDocuments() async {
        await expectSsoError(.oidcDiscoveryInvalidJSON) {
            try ProviderMetadata.parse(Array("[1,2]".utf8), configuredIssuer: Self.issuer)
        }
        await expectSsoError(.oidcDiscoveryInvalidJSON) {
            try ProviderMetadata.parse(Array("{\"issuer\":\"a\",\"issuer\":\"b\"}".utf8), configuredIssuer: "a")
        }
        await expectSsoError(.inputTooLarge) {
            try ProviderMetadata.parse(
                Array(repeating: UInt8(ascii: " "), count: 70_000), configuredIssuer: Self.issuer)
        }
    }

    @Test("the document is fetched once per TTL through the transport")
    func cachedWithTTL() async throws {
        let clock = TestClock(fixedNow)
        let transport = FakeHTTPTransport()
        transport.route(Self.issuer + "/.well-known/openid-configuration", body: Self.document())
        let cache = ProviderMetadataCache(
            issuer: Self.issuer, options: DiscoveryOptions(cacheTTL: 300),
            transport: transport, clock: clock)
        _ = try await cache.metadata()
        clock.advance(by: 299)
        _ = try await cache.metadata()
        #expect(transport.count(for: Self.issuer + "/.well-known/openid-configuration") == 1)
        clock.advance(by: 2)
        _ = try await cache.metadata()
        #expect(transport.count(for: Self.issuer + "/.well-known/openid-configuration") == 2)
        transport.route(Self.issuer + "/.well-known/openid-configuration", status: .serviceUnavailable, text: "down")
        clock.advance(by: 301)
        await expectSsoError(.oidcDiscoveryHTTPStatus) { try await cache.metadata() }
    }

    @Test("Entra ID multi-tenant template issuer needs the entra policy")
    func entraTemplate() async throws {
        let template = "https://login.microsoftonline.com/{tenantid}/v2.0"
        let configured = "https://login.microsoftonline.com/organizations/v2.0"
        let document = Self.document([
            "issuer": .string(template),
            "authorization_endpoint": .string("https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize"),
            "token_endpoint": .string("https://login.microsoftonline.com/organizations/oauth2/v2.0/token"),
            "jwks_uri": .string("https://login.microsoftonline.com/organizations/discovery/v2.0/keys"),
        ])
        await expectSsoError(.oidcDiscoveryIssuerMismatch) {
            try ProviderMetadata.parse(document, configuredIssuer: configured)
        }
        let metadata = try ProviderMetadata.parse(
            document, configuredIssuer: configured, options: DiscoveryOptions(issuerPolicy: .entraMultiTenant()))
        #expect(metadata.issuerIsTenantTemplate)
        await expectSsoError(.oidcDiscoveryIssuerMismatch) {
            try ProviderMetadata.parse(
                document, configuredIssuer: "https://login.microsoftonline.com/evil/v2.0",
                options: DiscoveryOptions(issuerPolicy: .entraMultiTenant()))
        }
    }
}
