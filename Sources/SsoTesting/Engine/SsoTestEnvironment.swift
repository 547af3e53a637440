import Foundation
import Sso
import SsoLDAP
import SsoOIDC
import SsoSAML

/// An ``/Sso/SsoEngine`` wired for tests: a ``TestClock``, a ``FakeHTTPTransport`` on which in-process
/// IdPs are installed, and an injectable LDAP connector. Use it to unit-test your own login
/// handlers against realistic IdPs without a network.
///
/// ```swift
/// let env = SsoTestEnvironment()
/// let okta = env.addOIDCProvider(issuer: "https://acme.okta.test", clientID: "app",
///                                clientSecret: Secret("s3cret"), redirectURIs: ["https://app.test/cb"])
/// let org = try env.engine.organization("org_1")
/// // … create an OIDC connection for that issuer, client and redirect URI …
/// let login = try await org.getLoginURL(domain: "alice@acme.test")
/// let redirect = try okta.authorize(login.authorizeURL, as: FakeOIDCUser(subject: "u1", email: "alice@acme.test"))
/// let result = try await org.handleOidcCallback(code: redirect.code, state: redirect.state)
/// ```
///
/// - Warning: test tooling only; its clock stands still and its transport answers from memory.
public struct SsoTestEnvironment: Sendable {
    /// The engine under test.
    public let engine: SsoEngine
    /// The engine's clock; move it to test expiry.
    public let clock: TestClock
    /// The engine's HTTP transport; IdPs answer on it, and it records every request.
    public let transport: FakeHTTPTransport

    /// 2026-03-29T12:00:00Z, the default start of the clock.
    public static let defaultStart = Date(timeIntervalSince1970: 1_774_785_600)

    /// Creates an engine on a test clock and a fake transport.
    /// - Parameters:
    ///   - start: the test clock's first instant; by default ``defaultStart``.
    ///   - settings: the engine's settings (session lifetime, login TTL, limits); the defaults by default.
    ///   - stores: the engine's stores; by default fresh in-memory ones, so each environment starts empty.
    ///   - random: the engine's randomness (state, nonce, ids); by default the system's, so inject a
    ///     fixed source for reproducible values.
    ///   - ldapConnector: how LDAP connections reach a directory: ``FakeLDAPDirectory/connector``
    ///     for a fake one, `LibLDAPConnector()` (the default) for a real server.
    ///   - transport: the fake transport IdPs are installed on; by default a new, empty one.
    public init(
        start: Date = SsoTestEnvironment.defaultStart, settings: SsoEngine.Settings = SsoEngine.Settings(),
        stores: SsoStores = SsoStores(), random: any RandomSource = SystemRandomSource(),
        ldapConnector: any LDAPConnector = LibLDAPConnector(), transport: FakeHTTPTransport = FakeHTTPTransport()
    ) {
        let clock = TestClock(start)
        self.clock = clock
        self.transport = transport
        self.engine = SsoEngine(
            settings: settings, stores: stores, clock: clock, random: random, httpTransport: transport,
            ldapConnector: ldapConnector)
    }

    /// Installs an in-process OIDC provider for `issuer` on the transport, with one registered client.
    public func addOIDCProvider(
        issuer: String, clientID: String, clientSecret: Secret, redirectURIs: [String],
        signingKey: FakeSigningKey = .es256()
    ) -> FakeOIDCProvider {
        let provider = FakeOIDCProvider(issuer: issuer, clock: clock, signingKey: signingKey)
        provider.install(on: transport)
        provider.register(FakeOIDCClient(clientID: clientID, clientSecret: clientSecret, redirectURIs: redirectURIs))
        return provider
    }

    /// Creates an in-process SAML IdP (a fresh RSA-2048 key unless PEMs are given) and, when
    /// `metadataURL` is given, serves its metadata there on the transport.
    public func addSAMLIdentityProvider(
        entityID: String, ssoURL: String, metadataURL: String? = nil, privateKeyPEM: String? = nil,
        certificatePEM: String? = nil
    ) throws(SsoError) -> TestSAMLIdentityProvider {
        let idp: TestSAMLIdentityProvider
        if let privateKeyPEM, let certificatePEM {
            idp = try TestSAMLIdentityProvider(
                entityID: entityID, ssoURL: ssoURL, privateKeyPEM: privateKeyPEM, certificatePEM: certificatePEM,
                clock: clock)
        } else {
            idp = try TestSAMLIdentityProvider(entityID: entityID, ssoURL: ssoURL, clock: clock)
        }
        if let metadataURL { idp.serveMetadata(on: transport, at: metadataURL) }
        return idp
    }
}

extension FakeOIDCProvider {
    /// Plays the browser for an engine login: the user signs in at this provider and is sent
    /// back with a code and the state (pass both to `handleOidcCallback(code:state:)`).
    public func authorize(_ login: SsoLoginResponse, as user: FakeOIDCUser) throws(SsoError) -> Redirect {
        try authorize(login.authorizeURL, as: user)
    }
}

extension TestSAMLIdentityProvider {
    /// What the browser posts back to the SP's ACS after a SAML login.
    public struct Post: Sendable, Hashable {
        /// The base64 `SAMLResponse` form field.
        public var samlResponse: String
        /// The `RelayState` form field.
        public var relayState: String?
    }

    /// Plays the browser for an engine login: reads the AuthnRequest from the login URL and
    /// answers it for `user` (pass the result to `handleSamlCallback(samlResponse:relayState:)`).
    public func respond(
        to login: SsoLoginResponse, as user: TestSAMLUser, options: ResponseOptions = ResponseOptions()
    ) throws(SsoError) -> Post {
        let request = try receive(redirectURL: login.authorizeURL)
        let response = try responseBase64(to: request, user: user, options: options)
        return Post(samlResponse: response, relayState: request.relayState)
    }
}
