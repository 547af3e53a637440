/// Refuses Ed25519 public keys that verify forged signatures.
///
/// RFC 8032 verification as BoringSSL implements it (cofactorless, no check on the public key)
/// accepts, for a small-order key such as the identity point, one signature for every message:
/// with `A` of order dividing 8 and `R` the identity, `S = 0` satisfies `[S]B = R + [k]A`. A JWKS
/// carrying such a key would let anyone sign any token. libsodium refuses the same encodings.
enum Ed25519PointCheck {
    /// The y-coordinates (little-endian, sign bit cleared) of the points of order 1, 2, 4 and 8.
    private static let smallOrder: [[UInt8]] = [
        [UInt8](repeating: 0, count: 32),  // y = 0 (order 4)
        [0x01] + [UInt8](repeating: 0, count: 31),  // y = 1 (order 1)
        [
            0x26, 0xe8, 0x95, 0x8f, 0xc2, 0xb2, 0x27, 0xb0, 0x45, 0xc3, 0xf4, 0x89, 0xf2, 0xef, 0x98, 0xf0,
            0xd5, 0xdf, 0xac, 0x05, 0xd3, 0xc6, 0x33, 0x39, 0xb1, 0x38, 0x02, 0x88, 0x6d, 0x53, 0xfc, 0x05,
        ],  // order 8
        [
            0xc7, 0x17, 0x6a, 0x70, 0x3d, 0x4d, 0xd8, 0x4f, 0xba, 0x3c, 0x0b, 0x76, 0x0d, 0x10, 0x67, 0x0f,
            0x2a, 0x20, 0x53, 0xfa, 0x2c, 0x39, 0xcc, 0xc6, 0x4e, 0xc7, 0xfd, 0x77, 0x92, 0xac, 0x03, 0x7a,
        ],  // order 8
        [0xec] + [UInt8](repeating: 0xff, count: 30) + [0x7f],  // y = p − 1 (order 2)
    ]

    /// Whether `encoded` (32 bytes) is a canonical encoding (y < p) of a point outside the
    /// small-order subgroup.
    static func isAcceptable(_ encoded: [UInt8]) -> Bool {
        guard encoded.count == 32 else { return false }
        var y = encoded
        y[31] &= 0x7f
        if smallOrder.contains(y) { return false }
        return !isAtLeastFieldPrime(y)
    }

    /// y ≥ p = 2^255 − 19: bytes 1…30 all 0xff, byte 31 0x7f, byte 0 ≥ 0xed.
    private static func isAtLeastFieldPrime(_ y: [UInt8]) -> Bool {
        y[31] == 0x7f && y[1..<31].allSatisfy { $0 == 0xff } && y[0] >= 0xed
    }
}
