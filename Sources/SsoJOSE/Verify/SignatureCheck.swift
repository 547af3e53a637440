import Crypto
import _CryptoExtras

/// The one place signatures are checked, each with swift-crypto. Throws
/// ``SsoError/Code/joseSignatureMalformed`` for a signature of the wrong form and
/// ``SsoError/Code/joseSignatureInvalid`` when it does not verify.
enum SignatureCheck {
    static func verify(
        _ signature: [UInt8], message: [UInt8], key: JWKPublicKey,
        algorithm: JWSAlgorithm
    ) throws(SsoError) {
        let valid: Bool
        switch (key, algorithm) {
        case (.rsa(let rsa, let modulusBytes), _):
            guard signature.count == modulusBytes else {
                throw malformed("an RSA signature must be exactly \(modulusBytes) bytes")
            }
            let rsaSignature = _RSA.Signing.RSASignature(rawRepresentation: signature)
            let padding: _RSA.Signing.Padding
            switch algorithm {
            case .rs256, .rs384, .rs512: padding = .insecurePKCS1v1_5
            case .ps256, .ps384, .ps512: padding = .PSS
            default: throw mismatch(algorithm)
            }
            switch algorithm.hashFunction {
            case .sha256: valid = rsa.isValidSignature(rsaSignature, for: SHA256.hash(data: message), padding: padding)
            case .sha384: valid = rsa.isValidSignature(rsaSignature, for: SHA384.hash(data: message), padding: padding)
            case .sha512: valid = rsa.isValidSignature(rsaSignature, for: SHA512.hash(data: message), padding: padding)
            }
        case (.p256(let ec), .es256):
            try checkRawECDSA(signature, coordinateBytes: 32)
            guard let ecSignature = try? P256.Signing.ECDSASignature(rawRepresentation: signature) else {
                throw malformed("the ES256 signature is not raw r||s")
            }
            valid = ec.isValidSignature(ecSignature, for: message)
        case (.p384(let ec), .es384):
            try checkRawECDSA(signature, coordinateBytes: 48)
            guard let ecSignature = try? P384.Signing.ECDSASignature(rawRepresentation: signature) else {
                throw malformed("the ES384 signature is not raw r||s")
            }
            valid = ec.isValidSignature(ecSignature, for: message)
        case (.p521(let ec), .es512):
            try checkRawECDSA(signature, coordinateBytes: 66)
            guard let ecSignature = try? P521.Signing.ECDSASignature(rawRepresentation: signature) else {
                throw malformed("the ES512 signature is not raw r||s")
            }
            valid = ec.isValidSignature(ecSignature, for: message)
        case (.ed25519(let ed), .edDSA):
            guard signature.count == 64 else { throw malformed("an Ed25519 signature must be exactly 64 bytes") }
            // Parsed JWKs are checked already; a key built in code (`JWK(ed25519:)`) is checked here.
            guard Ed25519PointCheck.isAcceptable(Array(ed.rawRepresentation)) else {
                throw SsoError(.joseSignatureInvalid, "the Ed25519 key is a small-order or non-canonical point")
            }
            valid = ed.isValidSignature(signature, for: message)
        default:
            throw mismatch(algorithm)
        }
        guard valid else {
            throw SsoError(.joseSignatureInvalid, "the \(algorithm) signature does not verify")
        }
    }

    /// JWS ECDSA signatures are `r || s`, each exactly the curve's length (RFC 7518 §3.4); a DER
    /// signature has another length. r = 0 or s = 0 (the "psychic signature") is refused here too.
    private static func checkRawECDSA(_ signature: [UInt8], coordinateBytes: Int) throws(SsoError) {
        guard signature.count == 2 * coordinateBytes else {
            throw malformed("an ECDSA signature must be raw r||s of exactly \(2 * coordinateBytes) bytes")
        }
        let rIsZero = signature.prefix(coordinateBytes).allSatisfy { $0 == 0 }
        let sIsZero = signature.suffix(coordinateBytes).allSatisfy { $0 == 0 }
        guard !rIsZero, !sIsZero else { throw malformed("an ECDSA signature with r or s zero is invalid") }
    }

    private static func malformed(_ message: String, file: String = #fileID, line: Int = #line) -> SsoError {
        SsoError(.joseSignatureMalformed, message, file: file, line: line)
    }

    private static func mismatch(_ algorithm: JWSAlgorithm, file: String = #fileID, line: Int = #line) -> SsoError {
        SsoError(.joseKeyMismatch, "the key cannot verify \(algorithm) signatures", file: file, line: line)
    }
}

/// HMAC verification for HS256/384/512 with swift-crypto's constant-time comparison.
enum HMACCheck {
    static func verify(
        _ tag: [UInt8], message: [UInt8], key: [UInt8], algorithm: JWSAlgorithm,
        allowShortKey: Bool
    ) throws(SsoError) {
        guard algorithm.isHMAC else {
            throw SsoError(.joseKeyMismatch, "an HMAC secret cannot verify \(algorithm) signatures")
        }
        let hash = algorithm.hashFunction
        guard allowShortKey || key.count >= hash.outputBytes else {
            throw SsoError(
                .joseKeyHMACSecretWeak,
                "\(algorithm) needs a secret of at least \(hash.outputBytes) bytes (RFC 7518 §3.2)")
        }
        guard tag.count == hash.outputBytes else {
            throw SsoError(
                .joseSignatureMalformed, "an \(algorithm) signature must be exactly \(hash.outputBytes) bytes")
        }
        let symmetricKey = SymmetricKey(data: key)
        let valid: Bool
        switch hash {
        case .sha256: valid = HMAC<SHA256>.isValidAuthenticationCode(tag, authenticating: message, using: symmetricKey)
        case .sha384: valid = HMAC<SHA384>.isValidAuthenticationCode(tag, authenticating: message, using: symmetricKey)
        case .sha512: valid = HMAC<SHA512>.isValidAuthenticationCode(tag, authenticating: message, using: symmetricKey)
        }
        guard valid else {
            throw SsoError(.joseSignatureInvalid, "the \(algorithm) signature does not verify")
        }
    }
}
