/// Optional per-login parameters of an authorization request (OpenID Connect Core §3.1.2.1).
public struct AuthorizationParameters: Sendable, Hashable {
    /// `prompt`: space-separated values among `none`, `login`, `consent`, `select_account`,
    /// `create`; `none` must stand alone.
    public var prompt: String?
    /// `login_hint`: the user's address or identifier, to prefill the provider's login page.
    public var loginHint: String?
    /// `domain_hint` (Entra ID): the user's home realm, to skip the account picker.
    public var domainHint: String?
    /// `max_age` in seconds: the provider must re-authenticate older sessions; the ID token's
    /// `auth_time` is then required and checked.
    public var maxAge: Int?
    /// A redirect URI for this login instead of the configured one; it must be the configured one
    /// or in ``OIDCConfiguration/additionalRedirectURIs`` (exact match), never an open redirect.
    public var redirectURI: String?
    /// Scopes added to the configured ones for this login only.
    public var additionalScopes: [String]
    /// Opaque text stored with the pending login and returned by the callback (e.g. the host's
    /// connection id or a return path). Never sent to the provider.
    public var context: String?

    /// Parameters for one login, all optional. They are checked when the request is built:
    /// ``OIDCClient/authorize(_:)`` throws `oidc.authorization.invalid_parameter` for a bad `prompt`,
    /// hint, `max_age` or `context`.
    public init(
        prompt: String? = nil,
        loginHint: String? = nil,
        domainHint: String? = nil,
        maxAge: Int? = nil,
        redirectURI: String? = nil,
        additionalScopes: [String] = [],
        context: String? = nil
    ) {
        self.prompt = prompt
        self.loginHint = loginHint
        self.domainHint = domainHint
        self.maxAge = maxAge
        self.redirectURI = redirectURI
        self.additionalScopes = additionalScopes
        self.context = context
    }

    static let promptValues: Set<Substring> = ["none", "login", "consent", "select_account", "create"]

    /// Checks the parameters; throws `oidc.authorization.invalid_parameter`.
    func validate() throws(SsoError) {
        if let prompt {
            let values = prompt.split(separator: " ", omittingEmptySubsequences: false)
            guard !values.isEmpty, values.allSatisfy({ Self.promptValues.contains($0) }),
                Set(values).count == values.count, !(values.contains("none") && values.count > 1)
            else {
                throw SsoError(
                    .oidcAuthorizationInvalidParameter,
                    "prompt must be none, or some of login, consent, select_account, create")
            }
        }
        for (name, value) in [("login_hint", loginHint), ("domain_hint", domainHint)] {
            guard let value else { continue }
            guard !value.isEmpty, value.utf8.count <= 512,
                value.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F })
            else {
                throw SsoError(.oidcAuthorizationInvalidParameter, "\(name) must be 1–512 printable characters")
            }
        }
        if let maxAge, maxAge < 0 {
            throw SsoError(.oidcAuthorizationInvalidParameter, "max_age must not be negative")
        }
        if let context, context.utf8.count > 4096 {
            throw SsoError(.oidcAuthorizationInvalidParameter, "context must be at most 4096 bytes")
        }
    }
}
