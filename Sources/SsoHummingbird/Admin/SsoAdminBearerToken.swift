import Foundation
import Crypto
import Hummingbird
import SsoCore

/// `Authorization: Bearer <token>` checked against one configured token.
///
/// Both sides are hashed with SHA-256 and the digests compared in constant time, so neither the
/// token's bytes nor its length can be learnt from response timing.
public struct SsoAdminBearerToken: SsoAdminAuthorization {
    private let digest: [UInt8]

    /// The longest `Authorization` header looked at.
    static let maxHeaderBytes = 4096

    /// Accepts exactly `token` (use a long random value, e.g. 32 bytes of base64).
    /// - Throws: `admin.token_invalid` for an empty token or one with white space or control characters.
    public init(_ token: Secret) throws(SsoError) {
        let usable = token.withUnsafeValue { value in
            !value.isEmpty && !value.unicodeScalars.contains { $0.properties.isWhitespace || $0.value < 0x20 }
        }
        guard usable else {
            throw SsoError(.adminTokenInvalid, "the admin token must be non-empty, without white space")
        }
        digest = token.withUnsafeValue { Self.hash($0) }
    }

    public func isAuthorized(_ request: Request) async -> Bool {
        guard let header = request.headers[.authorization], header.utf8.count <= Self.maxHeaderBytes else {
            return false
        }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased().bytesEqual("bearer") else { return false }
        return matches(String(parts[1]).trimmingCharacters(in: .whitespaces))
    }

    /// Whether `candidate` is the token, in time that depends on neither.
    public func matches(_ candidate: String) -> Bool {
        let other = Self.hash(candidate)
        var difference: UInt8 = 0
        for index in 0..<digest.count { difference |= digest[index] ^ other[index] }
        return difference == 0
    }

    /// A value that changes when the token does (binds console cookies to the token), and from
    /// which the token cannot be recovered.
    var fingerprint: String {
        Base64URL.encode(Array(SHA256.hash(data: Array("sso-admin-token-fingerprint|".utf8) + digest)))
    }

    private static func hash(_ text: String) -> [UInt8] {
        Array(SHA256.hash(data: Array(text.utf8)))
    }
}

extension SsoError.Code {
    /// The admin API was called without valid credentials.
    public static let adminUnauthorized: Self = "admin.unauthorized"
    /// The configured admin token cannot be used.
    public static let adminTokenInvalid: Self = "admin.token_invalid"
}
