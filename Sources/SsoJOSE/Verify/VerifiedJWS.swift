/// A JWS whose signature verified with a key the caller trusts.
///
/// Its payload is the raw signed bytes (any bytes, possibly empty). Reading them as a JWT claims
/// set is the JWT layer's job: ``payloadJSON`` or ``JWS/claimsSet(limits:)``.
public struct VerifiedJWS: Sendable {
    /// The parsed token.
    public let jws: JWS
    /// The `kid` of the key that verified it (`nil` for HMAC or a key without `kid`).
    public let keyID: String?
    /// The limits the verifier applied, reused when the payload is read as JSON.
    let limits: JOSELimits

    init(jws: JWS, keyID: String?, limits: JOSELimits) {
        self.jws = jws
        self.keyID = keyID
        self.limits = limits
    }

    /// The algorithm that verified.
    public var algorithm: JWSAlgorithm { jws.header.algorithm }
    /// The protected header.
    public var header: JWSHeader { jws.header }
    /// The payload bytes, exactly as signed.
    public var payload: [UInt8] { jws.payload }
    /// The payload as it appeared in the token (base64url).
    public var encodedPayload: String { jws.encodedPayload }
}
