import Foundation
import SsoJOSE

/// The claims of an ID token that passed ``IDTokenPolicy``.
public struct IDTokenClaims: Sendable {
    /// `iss`.
    public let issuer: String
    /// `sub`.
    public let subject: String
    /// `aud`, always as a list.
    public let audiences: [String]
    /// `exp`.
    public let expiresAt: Date
    /// `iat`.
    public let issuedAt: Date
    /// `auth_time`, when present.
    public let authTime: Date?
    /// `nonce`, when present.
    public let nonce: String?
    /// `azp`, when present.
    public let authorizedParty: String?
    /// Every claim, as parsed.
    public let json: JSONValue

    /// A string claim by name (`email`, `name`, `tid`…), `nil` when absent or not a string.
    public func string(_ name: String) -> String? { json[name]?.stringValue }
}
