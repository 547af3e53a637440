/// How the client authenticates to the token endpoint (OpenID Connect Core §9).
public struct ClientAuthenticationMethod: Sendable, Hashable, CustomStringConvertible {
    /// The registered name (`client_secret_basic`, `client_secret_post`).
    public let name: String

    /// HTTP Basic with the form-url-encoded client id and secret (RFC 6749 §2.3.1). The default.
    public static let clientSecretBasic = ClientAuthenticationMethod(name: "client_secret_basic")
    /// `client_id` and `client_secret` in the form body.
    public static let clientSecretPost = ClientAuthenticationMethod(name: "client_secret_post")

    public var description: String { name }
}
