import Crypto
import _CryptoExtras

/// The swift-crypto key behind a ``JWK``.
enum JWKPublicKey: Sendable {
    case rsa(_RSA.Signing.PublicKey, modulusBytes: Int)
    case p256(P256.Signing.PublicKey)
    case p384(P384.Signing.PublicKey)
    case p521(P521.Signing.PublicKey)
    case ed25519(Curve25519.Signing.PublicKey)

    /// `kty` of this key.
    var keyType: String {
        switch self {
        case .rsa: "RSA"
        case .p256, .p384, .p521: "EC"
        case .ed25519: "OKP"
        }
    }

    /// `crv` of this key, if it has one.
    var curve: String? {
        switch self {
        case .rsa: nil
        case .p256: "P-256"
        case .p384: "P-384"
        case .p521: "P-521"
        case .ed25519: "Ed25519"
        }
    }

    /// Whether the key's type and curve are the ones `algorithm` needs.
    func supports(_ algorithm: JWSAlgorithm) -> Bool {
        switch (self, algorithm) {
        case (.rsa, .rs256), (.rsa, .rs384), (.rsa, .rs512), (.rsa, .ps256), (.rsa, .ps384), (.rsa, .ps512): true
        case (.p256, .es256), (.p384, .es384), (.p521, .es512), (.ed25519, .edDSA): true
        default: false
        }
    }

    /// Builds a checked RSA key: modulus 2048…8192 bits, odd `e` > 1.
    static func rsa(n: [UInt8], e: [UInt8]) throws(SsoError) -> JWKPublicKey {
        let modulus = n.drop(while: { $0 == 0 })
        let exponent = e.drop(while: { $0 == 0 })
        let bits = bitLength(modulus)
        guard bits >= 2048 else {
            throw SsoError(.joseJWKWeak, "the RSA modulus has \(bits) bits; at least 2048 are required")
        }
        guard bits <= 8192 else {
            throw SsoError(.joseJWKUnsupported, "the RSA modulus has \(bits) bits; at most 8192 are supported")
        }
        guard let last = exponent.last, exponent.count > 1 || last > 1 else {
            throw SsoError(.joseJWKWeak, "the RSA public exponent must be greater than 1")
        }
        guard last & 1 == 1, exponent.count <= 4 else {
            throw SsoError(.joseJWKWeak, "the RSA public exponent must be odd and at most 32 bits")
        }
        JWKWork.record(.keyConstruction)
        do {
            let key = try _RSA.Signing.PublicKey(n: Array(modulus), e: Array(exponent))
            return .rsa(key, modulusBytes: (key.keySizeInBits + 7) / 8)
        } catch {
            throw SsoError(.joseJWKInvalid, "the RSA key is not valid")
        }
    }

    /// Builds a checked EC key from its coordinates; swift-crypto checks the point is on the curve.
    ///
    /// RFC 7518 §6.2.1.2 wants each coordinate at the full field size, and P-256/P-384 keys get
    /// exactly that. A P-521 coordinate may also be 65 bytes: its top byte holds one bit, and
    /// providers' libraries (cryptojwt, seen on a real OP's JWKS) drop it when it is zero. Left-padding
    /// with that zero byte gives the only integer the 65 bytes can mean, so nothing is ambiguous.
    static func ec(curve: String, x: [UInt8], y: [UInt8]) throws(SsoError) -> JWKPublicKey {
        let length: Int
        switch curve {
        case "P-256": length = 32
        case "P-384": length = 48
        case "P-521": length = 66
        default: throw SsoError(.joseJWKUnsupported, "the EC curve \(JOSEText.quoted(curve)) is not supported")
        }
        let shortest = curve == "P-521" ? length - 1 : length
        guard (shortest...length).contains(x.count), (shortest...length).contains(y.count) else {
            let sizes = shortest == length ? "exactly \(length) bytes" : "\(shortest) or \(length) bytes"
            throw SsoError(.joseJWKInvalid, "the \(curve) coordinates must be \(sizes) each")
        }
        func padded(_ coordinate: [UInt8]) -> [UInt8] {
            [UInt8](repeating: 0, count: length - coordinate.count) + coordinate
        }
        JWKWork.record(.keyConstruction)
        let point = [0x04] + padded(x) + padded(y)
        do {
            switch curve {
            case "P-256": return .p256(try P256.Signing.PublicKey(x963Representation: point))
            case "P-384": return .p384(try P384.Signing.PublicKey(x963Representation: point))
            default: return .p521(try P521.Signing.PublicKey(x963Representation: point))
            }
        } catch {
            throw SsoError(.joseJWKInvalid, "the \(curve) point is not on the curve")
        }
    }

    /// Builds an Ed25519 key from its 32 bytes. A small-order or non-canonical point is weak (it
    /// verifies forgeries), not malformed: such a key is never usable.
    static func ed25519(x: [UInt8]) throws(SsoError) -> JWKPublicKey {
        guard x.count == 32 else {
            throw SsoError(.joseJWKInvalid, "an Ed25519 public key is exactly 32 bytes")
        }
        guard Ed25519PointCheck.isAcceptable(x) else {
            throw SsoError(.joseJWKWeak, "the Ed25519 public key is a small-order or non-canonical point")
        }
        JWKWork.record(.keyConstruction)
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: x) else {
            throw SsoError(.joseJWKInvalid, "the Ed25519 public key is not valid")
        }
        return .ed25519(key)
    }

    private static func bitLength(_ bytes: ArraySlice<UInt8>) -> Int {
        guard let first = bytes.first else { return 0 }
        return (bytes.count - 1) * 8 + (8 - first.leadingZeroBitCount)
    }
}
