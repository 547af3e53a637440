/// A source of random bytes. The default is the system's cryptographically secure generator;
/// tests inject a seeded one.
public protocol RandomSource: Sendable {
    /// Returns `count` random bytes.
    func bytes(_ count: Int) -> [UInt8]
}

/// The operating system's cryptographically secure generator (`getrandom` on Linux,
/// `arc4random_buf` on Apple platforms), through `SystemRandomNumberGenerator`.
public struct SystemRandomSource: RandomSource {
    /// The system generator.
    public init() {}

    public func bytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        var out = [UInt8]()
        out.reserveCapacity(count)
        while out.count < count {
            var word = generator.next()
            for _ in 0..<8 where out.count < count {
                out.append(UInt8(truncatingIfNeeded: word))
                word >>= 8
            }
        }
        return out
    }
}

extension RandomSource {
    /// `byteCount` random bytes as unpadded base64url text (state, nonce, PKCE verifier).
    package func token(byteCount: Int = 32) -> String {
        Base64URL.encode(bytes(byteCount))
    }
}
