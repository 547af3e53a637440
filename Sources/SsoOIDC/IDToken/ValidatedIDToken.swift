import SsoJOSE

/// An ID token whose signature and claims passed every check.
public struct ValidatedIDToken: Sendable {
    /// The checked claims (`sub`, `iss`, `aud`, times, `nonce`…, and all others in ``IDTokenClaims/json``).
    public let claims: IDTokenClaims
    /// The `kid` of the key that verified it (`nil` for HS* or a kid-less key).
    public let keyID: String?
    /// The algorithm it was signed with.
    public let algorithm: JWSAlgorithm

    /// The `sub` claim.
    public var subject: String { claims.subject }
    /// Every claim, as an object's members.
    public var claimMembers: [String: JSONValue] { claims.json.objectValue ?? [:] }
}
