import SsoJOSE

/// Ways a ``FakeOIDCProvider`` can break the protocol, so tests can check a relying party
/// rejects each one (the OpenID RP certification tests are built from these).
public struct FakeOIDCMisbehavior: Sendable {
    /// The discovery document states this issuer instead of the real one.
    public var discoveryIssuer: String?
    /// ID tokens carry this `iss`.
    public var idTokenIssuer: String?
    /// ID tokens carry this `aud`.
    public var idTokenAudience: JSONValue?
    /// ID tokens carry this `nonce` instead of the requested one.
    public var idTokenNonce: String?
    /// ID tokens carry this `sub` (userinfo keeps the real one).
    public var idTokenSubject: String?
    /// Claims removed from ID tokens (`iat`, `sub`, `nonce`, `exp`…).
    public var omitClaims: Set<String>
    /// Claims added to (or replacing those in) ID tokens.
    public var extraClaims: [String: JSONValue]
    /// Flip a bit of each ID token's signature.
    public var corruptSignature: Bool
    /// Leave `kid` out of ID token headers.
    public var omitKeyID: Bool
    /// Put this `kid` into ID token headers instead of the key's.
    public var keyIDOverride: String?
    /// Issue unsigned ID tokens with this `alg` (e.g. `none`) and an empty signature.
    public var unsignedAlgorithm: String?
    /// The userinfo endpoint answers with this `sub`.
    public var userinfoSubject: String?
    /// The token endpoint answers with this `token_type`.
    public var tokenType: String?
    /// The token endpoint answers without `id_token`.
    public var omitIDToken: Bool
    /// The token endpoint answers with this OAuth error (`error`, `error_description`) and status 400.
    public var tokenError: (error: String, description: String?)?

    /// Misbehaviour with only the given knobs on; with no arguments the provider behaves correctly.
    public init(
        discoveryIssuer: String? = nil, idTokenIssuer: String? = nil, idTokenAudience: JSONValue? = nil,
        idTokenNonce: String? = nil, idTokenSubject: String? = nil, omitClaims: Set<String> = [],
        extraClaims: [String: JSONValue] = [:], corruptSignature: Bool = false, omitKeyID: Bool = false,
        keyIDOverride: String? = nil, unsignedAlgorithm: String? = nil, userinfoSubject: String? = nil,
        tokenType: String? = nil, omitIDToken: Bool = false, tokenError: (error: String, description: String?)? = nil
    ) {
        self.discoveryIssuer = discoveryIssuer
        self.idTokenIssuer = idTokenIssuer
        self.idTokenAudience = idTokenAudience
        self.idTokenNonce = idTokenNonce
        self.idTokenSubject = idTokenSubject
        self.omitClaims = omitClaims
        self.extraClaims = extraClaims
        self.corruptSignature = corruptSignature
        self.omitKeyID = omitKeyID
        self.keyIDOverride = keyIDOverride
        self.unsignedAlgorithm = unsignedAlgorithm
        self.userinfoSubject = userinfoSubject
        self.tokenType = tokenType
        self.omitIDToken = omitIDToken
        self.tokenError = tokenError
    }
}
