import Crypto
import X509

/// Checks a JWK's optional `x5c` (RFC 7517 §4.7): the first certificate's public key must be the
/// JWK's key, and `x5t` / `x5t#S256`, when present, must be its thumbprints. The chain is not
/// validated (the JWKS is trusted because of where it came from, not because of `x5c`), so only
/// the leaf is ever decoded, however many certificates the array holds.
enum X5CCheck {
    static func verify(_ members: [String: JSONValue], matches key: JWKPublicKey) throws(SsoError) {
        guard let value = members["x5c"] else { return }
        guard case .array(let items) = value, case .string(let leafText)? = items.first else {
            throw mismatch("the JWK member \"x5c\" is not a non-empty array of strings")
        }
        for item in items {
            guard case .string = item else { throw mismatch("the JWK member \"x5c\" holds a non-string") }
        }
        let der: [UInt8]
        let certificate: Certificate
        do {
            der = try Base64.decode(leafText)
            JWKWork.record(.certificateParse)
            certificate = try Certificate(derEncoded: der)
        } catch {
            throw mismatch("the first \"x5c\" certificate is not base64 DER")
        }
        let expected: Certificate.PublicKey
        switch key {
        case .rsa(let rsa, _): expected = Certificate.PublicKey(rsa)
        case .p256(let ec): expected = Certificate.PublicKey(ec)
        case .p384(let ec): expected = Certificate.PublicKey(ec)
        case .p521(let ec): expected = Certificate.PublicKey(ec)
        case .ed25519(let ed): expected = Certificate.PublicKey(ed)
        }
        guard certificate.publicKey == expected else {
            throw mismatch("the first \"x5c\" certificate does not hold the JWK's public key")
        }
        if let thumbprint = members["x5t#S256"] {
            guard thumbprint.stringValue == Base64URL.encode(Array(SHA256.hash(data: der))) else {
                throw mismatch("the JWK's \"x5t#S256\" is not the certificate's SHA-256 thumbprint")
            }
        }
        if let thumbprint = members["x5t"] {
            guard thumbprint.stringValue == Base64URL.encode(Array(Insecure.SHA1.hash(data: der))) else {
                throw mismatch("the JWK's \"x5t\" is not the certificate's SHA-1 thumbprint")
            }
        }
    }

    private static func mismatch(_ message: String, file: String = #fileID, line: Int = #line) -> SsoError {
        SsoError(.joseJWKX5CMismatch, message, file: file, line: line)
    }
}
