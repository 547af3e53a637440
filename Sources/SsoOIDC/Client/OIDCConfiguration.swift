import Foundation
import Logging
import SsoJOSE

/// Everything an ``OIDCClient`` needs: who the provider and client are, and the injected
/// clock, randomness, transport and logger.
public struct OIDCConfiguration: Sendable {
    /// The issuer URL exactly as the provider states it (`https://accounts.google.com`,
    /// `https://tenant.auth0.com/` with its trailing slash).
    public var issuer: String
    /// The client id registered with the provider.
    public var clientID: String
    /// The client secret. Never logged or put into an error.
    public var clientSecret: Secret
    /// The redirect URI registered with the provider (must be https, or http on loopback).
    public var redirectURI: String
    /// Other redirect URIs a login may choose with ``AuthorizationParameters/redirectURI`` (exact
    /// match; each must also be registered with the provider). Empty by default.
    public var additionalRedirectURIs: [String]
    /// Requested scopes (default `openid email profile`; `openid` is always sent).
    public var scopes: [String]
    /// How the client authenticates to the token endpoint (default `client_secret_basic`).
    public var tokenEndpointAuthMethod: ClientAuthenticationMethod
    /// Validation rules; see ``OIDCOptions``.
    public var options: OIDCOptions
    /// The clock every expiry is checked against.
    public var clock: any SsoClock
    /// The source of state, nonce and PKCE verifier.
    public var random: any RandomSource
    /// The only way the library talks to the provider.
    public var transport: any HTTPTransport
    /// Where the library logs (never secrets). Default: no output.
    public var logger: Logger

    /// A configuration with the system clock and random source by default. Nothing is checked here:
    /// ``OIDCClient/init(configuration:metadataCache:jwksCache:)`` throws `oidc.config.invalid`.
    public init(
        issuer: String,
        clientID: String,
        clientSecret: Secret,
        redirectURI: String,
        additionalRedirectURIs: [String] = [],
        scopes: [String] = AuthorizationRequest.defaultScopes,
        tokenEndpointAuthMethod: ClientAuthenticationMethod = .clientSecretBasic,
        options: OIDCOptions = OIDCOptions(),
        clock: any SsoClock = SystemClock(),
        random: any RandomSource = SystemRandomSource(),
        transport: any HTTPTransport,
        logger: Logger = .ssoDisabled
    ) {
        self.issuer = issuer
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.redirectURI = redirectURI
        self.additionalRedirectURIs = additionalRedirectURIs
        self.scopes = scopes
        self.tokenEndpointAuthMethod = tokenEndpointAuthMethod
        self.options = options
        self.clock = clock
        self.random = random
        self.transport = transport
        self.logger = logger
    }

    /// Checks the configuration; throws `oidc.config.invalid`.
    public func validate() throws(SsoError) {
        let issuerURL = try EndpointURL(
            issuer, field: "the configured issuer", invalid: .oidcConfigInvalid,
            insecure: .oidcConfigInvalid)
        guard issuerURL.query == nil else {
            throw SsoError(.oidcConfigInvalid, "the configured issuer must not contain a query")
        }
        try Self.checkClientID(clientID)
        for uri in [redirectURI] + additionalRedirectURIs {
            try Self.checkRedirectURI(uri)
        }
        _ = try AuthorizationRequest.scopeString(scopes)
        guard tokenEndpointAuthMethod == .clientSecretBasic || tokenEndpointAuthMethod == .clientSecretPost else {
            throw SsoError(.oidcConfigInvalid, "the token endpoint authentication method is not supported")
        }
        guard !clientSecret.isEmpty else {
            throw SsoError(.oidcConfigInvalid, "the client secret is empty")
        }
    }

    /// Whether `uri` is the configured redirect URI or one of the additional ones (exact match).
    func acceptsRedirectURI(_ uri: String) -> Bool {
        uri.bytesEqual(redirectURI) || additionalRedirectURIs.containsBytes(of: uri)
    }

    static func checkClientID(_ clientID: String) throws(SsoError) {
        guard !clientID.isEmpty, clientID.utf8.count <= 512,
            clientID.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F })
        else {
            throw SsoError(.oidcConfigInvalid, "the client id must be 1–512 printable characters")
        }
    }

    static func checkRedirectURI(_ redirectURI: String) throws(SsoError) {
        _ = try EndpointURL(
            redirectURI, field: "the redirect URI", invalid: .oidcConfigInvalid,
            insecure: .oidcConfigInvalid)
    }
}
