/// The JWT layer over a JWS (RFC 7519 §7.2 step 10): a JWT's payload is a JSON object, its claims
/// set. A JWS itself carries arbitrary bytes, so this is the one place the payload becomes JSON.
extension JWS {
    /// The payload read as a JWT claims set: strict JSON (no duplicate members, within `limits`)
    /// whose value is an object.
    ///
    /// Throws `jose.token.malformed` for an empty payload, the `jose.json.*` codes
    /// for one that is not strict JSON, and `jose.payload.invalid` for JSON that is
    /// not an object — the codes ID-token validation gave before JWS and JWT were split.
    public func claimsSet(limits: JOSELimits = .default) throws(SsoError) -> JSONValue {
        guard !payload.isEmpty else {
            throw SsoError(.joseTokenMalformed, "a JWT's payload is a JSON object; this one is empty")
        }
        let json = try JSONParser.parse(
            payload,
            limits: JSONLimits(
                maxBytes: limits.maxTokenBytes,
                maxDepth: limits.maxJSONDepth))
        guard case .object = json else {
            throw SsoError(.josePayloadInvalid, "the JWT payload is not a JSON object")
        }
        return json
    }
}

extension VerifiedJWS {
    /// The payload as a JWT claims set: the JSON object it holds, or `.null` when the payload is
    /// not a JSON object within the verifier's limits (a JWS need not be a JWT), which
    /// SsoOIDC's `IDTokenPolicy` refuses with `jose.claims.invalid`. Parsed on each
    /// use; call ``JWS/claimsSet(limits:)`` for the reason a payload is not a claims set.
    public var payloadJSON: JSONValue {
        (try? jws.claimsSet(limits: limits)) ?? .null
    }
}
