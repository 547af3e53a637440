import SsoCore

/// The SAML HTTP-Redirect binding (bindings §3.4): the message raw-DEFLATE-compressed, base64-
/// and URL-encoded into the query string, with an optional signature over the query string.
public enum SAMLRedirectBinding {
    /// The longest `RelayState` the bindings specification allows, in bytes.
    public static let maxRelayStateBytes = 80

    /// The URL that sends `request` to its ``AuthnRequest/destination``.
    ///
    /// With `signingKey`, `SigAlg` and `Signature` are appended: the signature covers exactly
    /// `SAMLRequest=…&RelayState=…&SigAlg=…` as it appears in the URL (§3.4.4.1). An enveloped
    /// XML signature (``AuthnRequest/isSigned``) is left out, as §3.4.4.1 requires.
    /// - Throws: `saml.request.relay_state_too_long`, `saml.request.encoding_failed`.
    public static func url(
        for request: AuthnRequest, relayState: String? = nil, signingKey: SAMLRequestSigningKey? = nil
    ) throws(SsoError) -> String {
        try url(
            destination: request.destination, parameter: "SAMLRequest", message: request.unsignedXML(),
            relayState: relayState, signingKey: signingKey)
    }

    /// The URL that sends the XML `message` to `destination` as `parameter` (`SAMLRequest` or
    /// `SAMLResponse`).
    package static func url(
        destination: String, parameter: String, message: String, relayState: String?,
        signingKey: SAMLRequestSigningKey?
    ) throws(SsoError) -> String {
        try checkRelayState(relayState)
        let deflated = try RawDeflate.compress(Array(message.utf8))
        var query = "\(parameter)=\(percentEncode(Base64.encode(deflated)))"
        if let relayState {
            query += "&RelayState=\(percentEncode(relayState))"
        }
        if let signingKey {
            query += "&SigAlg=\(percentEncode(signingKey.signatureAlgorithm))"
            let signature = try signingKey.sign(Array(query.utf8))
            query += "&Signature=\(percentEncode(Base64.encode(signature)))"
        }
        let separator = destination.contains("?") ? "&" : "?"
        return destination + separator + query
    }

    /// Refuses a `RelayState` over 80 bytes or with characters XML/HTML cannot carry.
    static func checkRelayState(_ relayState: String?) throws(SsoError) {
        guard let relayState else { return }
        guard relayState.utf8.count <= maxRelayStateBytes else {
            throw SsoError(
                .samlRequestRelayStateTooLong,
                "RelayState is \(relayState.utf8.count) bytes; the SAML bindings allow at most \(maxRelayStateBytes)"
            )
        }
        guard SAMLXMLEscaping.isXMLSafe(relayState) else {
            throw SsoError(.samlRequestInvalidSetting, "RelayState holds characters that cannot be carried")
        }
    }

    /// Percent-encodes everything but the RFC 3986 unreserved characters.
    package static func percentEncode(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count * 3)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                out.append(byte)
            default:
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
