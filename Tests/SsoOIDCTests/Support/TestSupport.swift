import Foundation
import SsoOIDC
import SsoTesting
import Testing

/// The instant every test's clock starts at: 2026-03-29T12:00:00Z (the fixtures' `now`).
let fixedNow = Date(timeIntervalSince1970: 1_774_785_600)

/// The repository root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

func fixtureURL(_ relativePath: String) -> URL {
    repositoryRoot.appendingPathComponent("Fixtures/oidc").appendingPathComponent(relativePath)
}

func fixtureText(_ relativePath: String) throws -> String {
    try String(contentsOf: fixtureURL(relativePath), encoding: .utf8)
}

func fixtureBytes(_ relativePath: String) throws -> [UInt8] {
    Array(try Data(contentsOf: fixtureURL(relativePath)))
}

/// Test-only signing keys from `Fixtures/oidc/keys` (RSA generation is slow in debug builds).
enum TestKeys {
    static func rsa1(keyID: String? = "rsa-1") throws -> FakeSigningKey {
        try FakeSigningKey.rsa(pem: fixtureText("keys/test-rsa-1.pem"), keyID: keyID)
    }

    static func rsa2(keyID: String? = "rsa-2") throws -> FakeSigningKey {
        try FakeSigningKey.rsa(pem: fixtureText("keys/test-rsa-2.pem"), keyID: keyID)
    }

    static func ec1(keyID: String? = "ec-1") throws -> FakeSigningKey {
        try FakeSigningKey.es256(pem: fixtureText("keys/test-ec-1.pem"), keyID: keyID)
    }
}

/// Records an issue unless `body` throws an `SsoError` with `code`; returns the error.
@discardableResult
func expectSsoError<T>(
    _ code: SsoError.Code, sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> T
) async -> SsoError? {
    do {
        _ = try await body()
        Issue.record("expected \(code) but the call succeeded", sourceLocation: sourceLocation)
    } catch let error as SsoError {
        #expect(error.code == code, "\(error.detailedDescription())", sourceLocation: sourceLocation)
        return error
    } catch {
        Issue.record("expected \(code) but got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}

/// A deterministic random source for tests: a counter-based stream (not secure; tests only).
final class CountingRandom: RandomSource, @unchecked Sendable {
    private let lock = NSLock()
    private var counter: UInt64 = 0x5EED

    func bytes(_ count: Int) -> [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        var out: [UInt8] = []
        while out.count < count {
            counter = counter &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            withUnsafeBytes(of: counter.bigEndian) { out.append(contentsOf: $0) }
        }
        return Array(out.prefix(count))
    }
}

/// A fake provider, a transport, an OIDC client and the host's login store wired together.
///
/// The harness plays the host: ``start(_:)`` stores the pending login single use under its state,
/// ``callback(code:state:iss:)`` takes it (once) and completes the login, as a server embedding
/// ``OIDCClient`` does.
struct Harness {
    static let issuer = "https://op.example.test"
    static let clientID = "client-123"
    /// Contains characters form encoding must escape (space, `:`, `%`, `+`, `/`) and is long enough for HS256.
    static let clientSecret = Secret("s3cr3t: with%special+chars/and-length-0123456789")
    static let redirectURI = "https://app.example.test/callback"

    let clock: TestClock
    let transport: FakeHTTPTransport
    let provider: FakeOIDCProvider
    let client: OIDCClient
    /// The host's store of pending logins.
    let store = InMemorySingleUseStore<PendingOIDCLogin>()
    let user = FakeOIDCUser(
        subject: "user-1", email: "alice@corp.test", name: "Alice Example",
        extraClaims: ["groups": .array([.string("admins"), .string("staff")])])

    init(
        signingKey: FakeSigningKey? = nil,
        options: OIDCOptions = OIDCOptions(),
        authMethod: ClientAuthenticationMethod = .clientSecretBasic,
        registeredAuthMethod: String? = nil,
        issuer: String = Harness.issuer,
        configuredIssuer: String? = nil
    ) throws {
        clock = TestClock(fixedNow)
        transport = FakeHTTPTransport()
        provider = FakeOIDCProvider(issuer: issuer, clock: clock, signingKey: try signingKey ?? TestKeys.rsa1())
        provider.install(on: transport)
        provider.register(
            FakeOIDCClient(
                clientID: Self.clientID, clientSecret: Self.clientSecret, redirectURIs: [Self.redirectURI],
                authMethod: registeredAuthMethod ?? authMethod.name))
        client = try OIDCClient(
            configuration: OIDCConfiguration(
                issuer: configuredIssuer ?? issuer, clientID: Self.clientID, clientSecret: Self.clientSecret,
                redirectURI: Self.redirectURI, tokenEndpointAuthMethod: authMethod, options: options, clock: clock,
                random: CountingRandom(), transport: transport))
    }

    /// The same host (store, provider, transport) with another client.
    func with(client: OIDCClient) -> HostHarness { HostHarness(client: client, store: store, clock: clock) }

    var host: HostHarness { with(client: client) }

    /// Authorizes and stores the pending login, as the host does.
    func start(_ parameters: AuthorizationParameters = AuthorizationParameters()) async throws -> AuthorizationRequest {
        try await host.start(parameters)
    }

    /// Takes the state from the host's store (once) and completes the login.
    func callback(code: String, state: String, iss: String? = nil) async throws -> OIDCLoginResult {
        try await host.callback(code: code, state: state, iss: iss)
    }

    /// Parses the callback query and completes it (an error answer consumes the state).
    func callback(query: String) async throws -> OIDCLoginResult {
        try await host.callback(query: query)
    }

    /// Starts a login, lets the fake provider authorize `user`, and completes the callback.
    func login(as user: FakeOIDCUser? = nil, parameters: AuthorizationParameters = AuthorizationParameters())
        async throws -> OIDCLoginResult
    {
        let request = try await start(parameters)
        let redirect = try provider.authorize(request.url, as: user ?? self.user)
        return try await callback(code: redirect.code, state: redirect.state)
    }

    /// An ID token for the harness's client signed by `key` (nonce-less), for direct validation.
    func token(signedBy key: FakeSigningKey, subject: String = "user-1") throws -> String {
        let now = fixedNow.timeIntervalSince1970
        return try FakeJWT.sign(
            claims: [
                "iss": .string(provider.issuer), "sub": .string(subject), "aud": .string(Self.clientID),
                "iat": .number(now), "exp": .number(now + 600),
            ], key: key)
    }
}

/// The host's side of a login around one ``OIDCClient``: what `OIDCRelyingParty` used to do with
/// its own store, now the store owner's job.
struct HostHarness {
    let client: OIDCClient
    let store: InMemorySingleUseStore<PendingOIDCLogin>
    let clock: TestClock

    func start(_ parameters: AuthorizationParameters = AuthorizationParameters()) async throws -> AuthorizationRequest {
        let request = try await client.authorize(parameters)
        let now = clock.now
        try await store.insert(
            request.pending, forKey: request.state,
            expiresAt: now.addingTimeInterval(client.configuration.options.loginTTL), now: now)
        return request
    }

    func callback(code: String, state: String, iss: String? = nil) async throws -> OIDCLoginResult {
        guard !state.isEmpty, state.utf8.count <= 512 else {
            throw SsoError(.oidcStateInvalid, "the callback has no usable state")
        }
        guard let pending = await store.take(state, now: clock.now), pending.state.bytesEqual(state) else {
            throw SsoError(.oidcStateInvalid, "the login state is unknown, expired or already used")
        }
        return try await client.complete(code: code, iss: iss, pending: pending)
    }

    func callback(query: String) async throws -> OIDCLoginResult {
        switch try OIDCCallback.parse(query: query) {
        case .code(let code, let state, let iss):
            return try await callback(code: code.unsafeValue, state: state, iss: iss)
        case .error(let response, let state):
            if let state { _ = await store.take(state, now: clock.now) }
            throw OIDCCallback.refusal(response)
        }
    }
}
