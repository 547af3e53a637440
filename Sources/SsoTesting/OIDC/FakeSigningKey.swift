import Crypto
import Foundation
import SsoJOSE
import _CryptoExtras

/// A private key a fake provider signs tokens with: RS256/PS256 (RSA), ES256 (P-256), EdDSA
/// (Ed25519) or HS256 (the client secret). For tests only.
public struct FakeSigningKey: Sendable {
    enum Material: Sendable {
        case rsa(_RSA.Signing.PrivateKey)
        case p256(P256.Signing.PrivateKey)
        case ed25519(Curve25519.Signing.PrivateKey)
        case hmac(SymmetricKey)
    }

    /// The `alg` the key signs with.
    public let algorithm: JWSAlgorithm
    /// The `kid` put in token headers and the JWKS; `nil` for none.
    public let keyID: String?
    let material: Material

    /// A fresh 2048-bit RSA key (RS256, or PS256 with `algorithm: .ps256`). Generating one takes a moment.
    public static func rsa(keyID: String? = "rsa-1", algorithm: JWSAlgorithm = .rs256) throws -> FakeSigningKey {
        FakeSigningKey(
            algorithm: algorithm, keyID: keyID, material: .rsa(try _RSA.Signing.PrivateKey(keySize: .bits2048)))
    }

    /// An RSA key from PEM (PKCS#1 or PKCS#8).
    public static func rsa(pem: String, keyID: String?, algorithm: JWSAlgorithm = .rs256) throws -> FakeSigningKey {
        FakeSigningKey(
            algorithm: algorithm, keyID: keyID, material: .rsa(try _RSA.Signing.PrivateKey(pemRepresentation: pem)))
    }

    /// A fresh P-256 key (ES256).
    public static func es256(keyID: String? = "ec-1") -> FakeSigningKey {
        FakeSigningKey(algorithm: .es256, keyID: keyID, material: .p256(P256.Signing.PrivateKey()))
    }

    /// A P-256 key from PEM (PKCS#8 or SEC1).
    public static func es256(pem: String, keyID: String?) throws -> FakeSigningKey {
        FakeSigningKey(
            algorithm: .es256, keyID: keyID, material: .p256(try P256.Signing.PrivateKey(pemRepresentation: pem)))
    }

    /// A fresh Ed25519 key (EdDSA).
    public static func ed25519(keyID: String? = "ed-1") -> FakeSigningKey {
        FakeSigningKey(algorithm: .edDSA, keyID: keyID, material: .ed25519(Curve25519.Signing.PrivateKey()))
    }

    /// An Ed25519 key from its 32-byte seed.
    public static func ed25519(seed: [UInt8], keyID: String?) throws -> FakeSigningKey {
        FakeSigningKey(
            algorithm: .edDSA, keyID: keyID,
            material: .ed25519(try Curve25519.Signing.PrivateKey(rawRepresentation: seed)))
    }

    /// HS256 with `secret` (in OpenID Connect, the client secret). Never published in the JWKS.
    public static func hs256(secret: Secret) -> FakeSigningKey {
        FakeSigningKey(
            algorithm: .hs256, keyID: nil,
            material: .hmac(SymmetricKey(data: Array(secret.unsafeValue.utf8))))
    }

    /// The same key under another `kid` (or none).
    public func withKeyID(_ keyID: String?) -> FakeSigningKey {
        FakeSigningKey(algorithm: algorithm, keyID: keyID, material: material)
    }

    /// The public JWK (`kty`, key members, `kid`, `use: sig`, `alg`); `nil` for HMAC keys.
    public var publicJWK: JSONValue? {
        var members: [String: JSONValue]
        switch material {
        case .rsa(let key):
            guard let primitives = try? key.publicKey.getKeyPrimitives() else { return nil }
            members = [
                "kty": .string("RSA"), "n": .string(Base64URL.encode(primitives.modulus.drop { $0 == 0 })),
                "e": .string(Base64URL.encode(primitives.publicExponent.drop { $0 == 0 })),
            ]
        case .p256(let key):
            let point = Array(key.publicKey.x963Representation)
            members = [
                "kty": .string("EC"), "crv": .string("P-256"), "x": .string(Base64URL.encode(point[1..<33])),
                "y": .string(Base64URL.encode(point[33..<65])),
            ]
        case .ed25519(let key):
            members = [
                "kty": .string("OKP"), "crv": .string("Ed25519"),
                "x": .string(Base64URL.encode(key.publicKey.rawRepresentation)),
            ]
        case .hmac:
            return nil
        }
        members["use"] = .string("sig")
        members["alg"] = .string(algorithm.rawValue)
        if let keyID { members["kid"] = .string(keyID) }
        return .object(members)
    }

    /// Signs `message` (the JWS signing input) with the key's algorithm.
    public func sign(_ message: [UInt8]) throws -> [UInt8] {
        switch material {
        case .rsa(let key):
            let padding: _RSA.Signing.Padding = algorithm == .ps256 ? .PSS : .insecurePKCS1v1_5
            return Array(try key.signature(for: SHA256.hash(data: message), padding: padding).rawRepresentation)
        case .p256(let key):
            return Array(try key.signature(for: message).rawRepresentation)
        case .ed25519(let key):
            return Array(try key.signature(for: message))
        case .hmac(let key):
            return Array(HMAC<SHA256>.authenticationCode(for: message, using: key))
        }
    }
}
