/// A JWS whose signature verified with a key the caller trusts.
public struct VerifiedJWS: Sendable {
    /// The parsed token.
    public let jws: JWS
    /// The `kid` of the key that verified it (`nil` for HMAC or a key without `kid`).
    public let keyID: String?

    /// The algorithm that verified.
    public var algorithm: JWSAlgorithm { jws.header.algorithm }
    /// The protected header.
    public var header: JWSHeader { jws.header }
    /// The payload bytes.
    public var payload: [UInt8] { jws.payload }
    /// The payload as a JSON object (its claims).
    public var payloadJSON: JSONValue { jws.payloadJSON }
    /// The payload as it appeared in the token (base64url).
    public var encodedPayload: String { jws.encodedPayload }
}
